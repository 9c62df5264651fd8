"""The group "International office editors": they keep the content in three languages.

- add, change and view every kind of content; delete too, but ContentAdmin refuses to delete a
  published item for anyone but a superuser, so in practice they delete drafts only;
- agreements: also delete, as rows of their partner's form (a wrong row must be removable; the
  partner's history brings a deleted one back);
- cooperation forms and the department: no delete (their admins refuse it for everyone);
- contact inquiries: view and change (they answer them and mark them answered), no delete;
- registrations: view and change (the waiting list, resending confirmations), no delete, and
  no export: `events.export_registration` is granted to a person on purpose;
- nothing of users, groups or permissions: superusers manage accounts.

Permissions are normally made by post_migrate, after every migration: they are made here first,
for the apps this group needs, so that the group is complete on a fresh database."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "International office editors"
ALL = ("add", "change", "view", "delete")
EDITOR_PERMISSIONS = {
    "partners": {
        "partner": ALL,
        "agreement": ALL,
        "program": ALL,
        "cooperationform": ("add", "change", "view"),
    },
    "events": {
        "event": ALL,
        "eventphoto": ALL,
        "registration": ("change", "view"),
    },
    "department": {
        "department": ("change", "view"),
        "landingsection": ALL,
        "staffmember": ALL,
        "inquiry": ("change", "view"),
    },
}


def create_editors_group(apps, schema_editor):
    using = schema_editor.connection.alias
    for app_label in EDITOR_PERMISSIONS:
        app_config = apps.get_app_config(app_label)
        # The migration's app registry has no models modules; create_permissions needs one.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, verbosity=0, using=using)
        finally:
            app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.using(using).get_or_create(name=GROUP)
    for app_label, models in EDITOR_PERMISSIONS.items():
        for model, actions in models.items():
            codenames = [f"{action}_{model}" for action in actions]
            permissions = Permission.objects.using(using).filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            if permissions.count() != len(codenames):
                raise RuntimeError(f"Missing permissions for {app_label}.{model}: {codenames}")
            group.permissions.add(*permissions)


def remove_editors_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("partners", "0001_initial"),
        ("events", "0003_registration_export_permission"),
        ("department", "0002_contact_inquiries"),
    ]

    operations = [migrations.RunPython(create_editors_group, remove_editors_group)]
