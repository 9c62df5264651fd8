"""The group "International office editors" words the certificates of participation (the
template in three languages: add, change, view; it cannot be deleted) and sees the certificates
issued (view: revoking one is a superuser's decision). Permissions are made here first, as in
0001-0003, so that the group is complete on a fresh database."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "International office editors"
EDITOR_PERMISSIONS = {
    "certificates": {
        "certificatetemplate": ("add", "change", "view"),
        "certificate": ("view",),
    }
}


def codenames():
    models = EDITOR_PERMISSIONS["certificates"]
    return [f"{action}_{model}" for model, actions in models.items() for action in actions]


def certificates_permissions(apps, using):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.using(using).filter(
        content_type__app_label="certificates", codename__in=codenames()
    )


def grant_certificates(apps, schema_editor):
    using = schema_editor.connection.alias
    app_config = apps.get_app_config("certificates")
    # The migration's app registry has no models modules; create_permissions needs one.
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    try:
        create_permissions(app_config, apps=apps, verbosity=0, using=using)
    finally:
        app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    group, _ = Group.objects.using(using).get_or_create(name=GROUP)
    permissions = certificates_permissions(apps, using)
    if permissions.count() != len(codenames()):
        raise RuntimeError(f"Missing permissions for certificates: {codenames()}")
    group.permissions.add(*permissions)


def revoke_certificates(apps, schema_editor):
    using = schema_editor.connection.alias
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.using(using).filter(name=GROUP):
        group.permissions.remove(*certificates_permissions(apps, using))


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_editors_write_for_applicants"),
        ("certificates", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant_certificates, revoke_certificates)]
