"""Rights and groups in the staff member's language.

Django stores permission and group names as the English text they were created with ("Can add
registration", "International office editors") and shows them as they are: the Uzbek and
Russian admin read them in English. Here they are shown translated: the four standard rights
by a sentence around the model's own translated name, any other right and the groups by their
stored name looked up in the catalogues."""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

STANDARD_RIGHTS = {
    "add": _("Can add %(model)s"),
    "change": _("Can change %(model)s"),
    "delete": _("Can delete %(model)s"),
    "view": _("Can view %(model)s"),
}
# The group made by migration 0001, by the name stored in the database.
gettext_noop("International office editors")


def permission_label(permission):
    model = permission.content_type.model_class()
    action, _sep, model_name = permission.codename.partition("_")
    if model is not None and action in STANDARD_RIGHTS and model_name == model._meta.model_name:
        name = STANDARD_RIGHTS[action] % {"model": model._meta.verbose_name}
    else:
        name = gettext(permission.name)
    return f"{permission.content_type} | {name}"


def group_label(group):
    return gettext(group.name)


def show_names_translated():
    """Every place Django shows a right or a group (the user and group forms, the lists, the
    delete confirmation, the history) goes through their __str__: translate it there."""
    Permission.__str__ = permission_label
    Group.__str__ = group_label
