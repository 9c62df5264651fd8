"""Stale translations: when one language's text of a field is edited, the other languages' texts
of that field may no longer say the same thing until an editor saves or confirms them.

Written from the admin's save path (the only place where staff edit texts). An edit made to a
stale text is the translator catching up, so it confirms that text without making the others
stale in turn; filling an empty language is a new translation and makes nothing stale.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from samsmu_intl.editorial.models import NEVER, FieldChange
from samsmu_intl.editorial.translation_status import (
    LANGUAGES,
    has_text,
    is_rich_text,
    part_relations,
    visitor_fields,
)


@dataclass(frozen=True)
class StaleMark:
    """One language's text of one field of one item that may be out of date."""

    obj: object
    field: str
    language: str
    changed_languages: tuple
    changed_at: object

    @property
    def key(self):
        """A value that names this text in a form (the "still correct" checkboxes)."""
        content_type = ContentType.objects.get_for_model(self.obj)
        return f"{content_type.pk}:{self.obj.pk}:{self.field}:{self.language}"

    @property
    def field_label(self):
        return type(self.obj)._meta.get_field(self.field).verbose_name


def _stale_languages(rows, present):
    """{language: (languages changed since, latest change)} for one field of one item.
    rows: {language: FieldChange}; present: the languages that have text."""
    stale = {}
    for language in present:
        own = rows.get(language)
        since = (own.confirmed_at if own else None) or NEVER
        newer = [
            (other, row.changed_at)
            for other, row in rows.items()
            if other != language and row.changed_at and row.changed_at > since
        ]
        if newer:
            stale[language] = (tuple(code for code, _at in newer), max(at for _c, at in newer))
    return stale


def stale_marks(obj, parts=True):
    """The stale texts of an item and, unless told otherwise, of its parts (an event's photos);
    one query for the history, plus one per kind of part."""
    objects = [obj]
    if parts:
        for relation in part_relations(type(obj)):
            objects += list(getattr(obj, relation.get_accessor_name()).all())
    rows = {}
    for row in FieldChange.objects.for_objects(objects):
        rows.setdefault((row.content_type_id, row.object_id, row.field), {})[row.language] = row
    marks = []
    for item in objects:
        model = type(item)
        content_type = ContentType.objects.get_for_model(model)
        for name in visitor_fields(model):
            field_rows = rows.get((content_type.pk, item.pk, name))
            if not field_rows:
                continue
            rich = is_rich_text(model, name)
            present = [c for c in LANGUAGES if has_text(getattr(item, f"{name}_{c}"), rich)]
            for language, (changed, at) in _stale_languages(field_rows, present).items():
                marks.append(StaleMark(item, name, language, changed, at))
    return marks


def record_changes(obj, before, now):
    """Note which languages of which fields an admin save changed. before: the texts as they were
    ({column: value}; a missing column counts as unchanged), or None for a new item."""
    model = type(obj)
    content_type = ContentType.objects.get_for_model(model)
    names = visitor_fields(model)
    existing = FieldChange.objects.filter(
        content_type=content_type, object_id=obj.pk, field__in=names
    )
    rows = {}
    for row in existing:
        rows.setdefault(row.field, {})[row.language] = row
    for name in names:
        rich = is_rich_text(model, name)
        after = {code: getattr(obj, f"{name}_{code}") or "" for code in LANGUAGES}
        if before is None:
            old = dict.fromkeys(LANGUAGES, "")
        else:
            old = {code: before.get(f"{name}_{code}", after[code]) or "" for code in LANGUAGES}
        changed = [code for code in LANGUAGES if old[code] != after[code]]
        if not changed:
            continue
        field_rows = rows.get(name, {})
        present_before = [code for code in LANGUAGES if has_text(old[code], rich)]
        stale_before = _stale_languages(field_rows, present_before)
        for code in LANGUAGES:
            row = field_rows.get(code) or FieldChange(
                content_type=content_type, object_id=obj.pk, field=name, language=code
            )
            row.has_text = has_text(after[code], rich)
            if code in changed:
                row.confirmed_at = now
                edited = code in present_before and row.has_text
                if edited and code not in stale_before:
                    row.changed_at = now
            row.save()


def confirm(keys, now):
    """Mark texts (StaleMark.key values) as checked and still correct."""
    for key in keys:
        content_type_id, object_id, field, language = key.split(":")
        FieldChange.objects.update_or_create(
            content_type_id=int(content_type_id),
            object_id=int(object_id),
            field=field,
            language=language,
            defaults={"confirmed_at": now},
            create_defaults={"confirmed_at": now, "has_text": True},
        )


def forget_deleted(sender, instance, **kwargs):
    content_type = ContentType.objects.get_for_model(sender)
    FieldChange.objects.filter(content_type=content_type, object_id=instance.pk).delete()
