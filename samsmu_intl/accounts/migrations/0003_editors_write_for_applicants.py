"""The group "International office editors" writes the applicants' guide and the public
documents too: add, change, view and delete (ContentAdmin still refuses to delete a published
item for anyone but a superuser; the guide itself cannot be deleted). Permissions are made here
first, as in 0001 and 0002, so that the group is complete on a fresh database."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "International office editors"
ALL = ("add", "change", "view", "delete")
EDITOR_PERMISSIONS = {
    "applicants": {
        "applicantguide": ALL,
        "applicationstep": ALL,
        "question": ALL,
        "publicdocument": ALL,
    }
}


def codenames():
    models = EDITOR_PERMISSIONS["applicants"]
    return [f"{action}_{model}" for model, actions in models.items() for action in actions]


def applicants_permissions(apps, using):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.using(using).filter(
        content_type__app_label="applicants", codename__in=codenames()
    )


def grant_applicants(apps, schema_editor):
    using = schema_editor.connection.alias
    app_config = apps.get_app_config("applicants")
    # The migration's app registry has no models modules; create_permissions needs one.
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
    finally:
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.using(using).get_or_create(name=GROUP)
    permissions = applicants_permissions(apps, using)
    if permissions.count() != len(codenames()):
        raise RuntimeError(f"Missing permissions for applicants: {codenames()}")
    group.permissions.add(*permissions)


def revoke_applicants(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.using(using).filter(name=GROUP):
        group.permissions.remove(*applicants_permissions(apps, using))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_editors_write_news"),
        ("applicants", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_applicants, revoke_applicants)]
