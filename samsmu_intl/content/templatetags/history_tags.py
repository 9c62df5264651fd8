import json

from django import template
from django.contrib.admin.models import LogEntry
from django.utils import formats, timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext

register = template.Library()


def field_labels(model):
    """{label as the admin keeps it: label in the reader's language} for the model's fields.
    The admin keeps a changed field's label untranslated ("Name", or "Name [ru]" for one language
    of a translated field); the field itself knows its name in every language, context included
    (an institution's "name" is not a person's)."""
    fields = [field for field in model._meta.get_fields() if hasattr(field, "verbose_name")]
    with translation.override(None):
        kept = [capfirst(str(field.verbose_name)) for field in fields]
    shown = [capfirst(str(field.verbose_name)) for field in fields]
    return dict(zip(kept, shown, strict=True))


@register.filter
def change_comment(revision, opts):
    """What a version's comment says, in the reader's language (see HistoryMixin); `opts` is the
    versioned model's. Comments saved before they were kept this way are shown as written."""
    comment = revision.comment or ""
    if not comment.startswith("["):
        return gettext(comment) if comment else ""
    try:
        messages = json.loads(comment)
    except ValueError:
        return comment
    for message in messages:
        changed = message.get("changed", {})
        if "fields" in changed:
            # An inline row's change names its model ("agreement"); the item's own has no name.
            labels = field_labels(_model_named(opts.model, changed.get("name")))
            changed["fields"] = [labels.get(label, label) for label in changed["fields"]]
    return LogEntry(change_message=json.dumps(messages)).get_change_message()


def _model_named(model, name):
    """The model itself, or the model of its inline rows whose untranslated name is `name`."""
    if name:
        with translation.override(None):
            for relation in model._meta.related_objects:
                if str(relation.related_model._meta.verbose_name) == name:
                    return relation.related_model
    return model


@register.filter
def to_the_second(moment):
    """When a version was saved, in Tashkent time and to the second: two saves in the same
    minute read apart ("2026-yil 6-dekabr, 10:15:03")."""
    if not moment:
        return ""
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'DATE_FORMAT')}, {formats.time_format(local, 'H:i:s')}"


@register.filter
def saved_by(revision):
    """Who saved (or deleted) a version: their full name and user name, or nothing when the
    account is gone or the change came from a script."""
    user = revision.user
    if user is None:
        return ""
    full_name = user.get_full_name()
    return f"{full_name} ({user.get_username()})" if full_name else user.get_username()


@register.filter
def version_label(version):
    """A version as the compare view names it: when, to the second, and by whom."""
    who = saved_by(version.revision)
    when = to_the_second(version.revision.date_created)
    return f"{when} · {who}" if who else when
