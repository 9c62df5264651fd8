"""Names Django makes itself, in the staff member's language.

Django stores permission and group names as the English text they were created with ("Can add
registration", "International office editors") and shows them as they are: the Uzbek and
Russian admin read them in English. Here they are shown translated: the four standard rights
by a sentence around the model's own translated name, any other right and the groups by their
stored name looked up in the catalogues.

The same for what Django names without asking: the models it makes for a many-to-many field
(a partner's forms of cooperation, a user's groups), named once in the language the server
started in ("Partner-cooperationform munosabatlari"), their rows "Partner_cooperation_forms
object (3)" on a delete confirmation; and the yes/no icons of the lists, whose text for screen
readers is Python's "True" and "False". And django-axes' records of sign-ins, whose names are
English sentences ("Attempted Access: 2026-...")."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.admin.templatetags import admin_list
from django.contrib.auth.models import Group, Permission
from django.templatetags.static import static
from django.utils import formats, timezone
from django.utils.functional import lazy
from django.utils.html import format_html
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


def link_label(link):
    """A row of a many-to-many table: the two objects it links, "Hamkor A — Ilmiy hamkorlik"."""
    first, second = (getattr(link, field.name) for field in link_fields(type(link)))
    return f"{first} — {second}"


def link_fields(through):
    return [field for field in through._meta.concrete_fields if field.is_relation]


def name_links_translated():
    """Every model Django made for a many-to-many field, named after the two it links, in the
    reader's language ("hamkor — hamkorlik shakli"), its rows after the two objects. Django
    names it once, in the language the server started in: these names are lazy."""
    for through in apps.get_models(include_auto_created=True):
        if through._meta.auto_created:
            first, second = (field.related_model._meta for field in link_fields(through))
            through._meta.verbose_name = lazy(link_name, str)(first, second)
            through._meta.verbose_name_plural = lazy(link_name, str)(first, second, plural=True)
            through.__str__ = link_label


def link_name(first, second, plural=False):
    names = {"from": first.verbose_name, "to": second.verbose_name}
    return (gettext("%(from)s — %(to)s links") if plural else "%(from)s — %(to)s") % names


def boolean_icon(value):
    """Django's yes/no/unknown icon, its text read aloud in the reader's language."""
    icon = {True: "yes", False: "no", None: "unknown"}[value]
    text = {True: _("Yes"), False: _("No"), None: _("Unknown")}[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{icon}.svg"), text)


def attempt_label(attempt):
    return gettext("Failed sign-ins of %(username)s from %(address)s") % {
        "username": attempt.username,
        "address": attempt.ip_address,
    }


def failure_label(failure):
    message = (
        gettext("Failed sign-in of %(username)s from %(address)s, %(time)s: locked out")
        if failure.locked_out
        else gettext("Failed sign-in of %(username)s from %(address)s, %(time)s")
    )
    return message % {
        "username": failure.username,
        "address": failure.ip_address,
        "time": formats.localize(timezone.localtime(failure.attempt_time)),
    }


def log_label(log):
    return gettext("Sign-in of %(username)s, %(time)s") % {
        "username": log.username,
        "time": formats.localize(timezone.localtime(log.attempt_time)),
    }


def show_names_translated():
    """Every place Django shows a right or a group (the user and group forms, the lists, the
    delete confirmation, the history) goes through their __str__: translate it there. The
    lists, the change pages' read-only fields and the history draw a yes/no icon with
    admin_list._boolean_icon, which they look up when they draw one."""
    Permission.__str__ = permission_label
    Group.__str__ = group_label
    name_links_translated()
    admin_list._boolean_icon = boolean_icon
    AccessAttempt.__str__ = attempt_label
    AccessFailureLog.__str__ = failure_label
    AccessLog.__str__ = log_label
