"""What the editors' translation workflow adds to every content admin (through ContentAdmin):
a per-row uz / ru / en status column, the "missing translation in ..." and "may be out of date"
filters, and on the change form the marks on stale texts with a way to confirm them."""

from functools import cache

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import formats, timezone, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from samsmu_intl.editorial.models import FieldChange
from samsmu_intl.editorial.stale import confirm, record_changes, stale_marks
from samsmu_intl.editorial.translation_status import (
    LANGUAGES,
    languages_missing,
    missing_translation_q,
    part_relations,
    visitor_fields,
)

CONFIRM_FIELD = "editorial_still_correct"
LANGUAGE_NAMES = dict(settings.LANGUAGES)


class MissingTranslationFilter(admin.SimpleListFilter):
    # Django shows it as "By missing translation", with a choice per language ("Missing in ...").
    title = _("missing translation")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return [
            (code, _("Missing in %(language)s") % {"language": LANGUAGE_NAMES[code]})
            for code in LANGUAGES
        ]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGES:
            return queryset.filter(missing_translation_q(queryset.model, self.value()))
        return queryset


def stale_items_q(model):
    """Items with a stale text, their own or one of their parts'."""
    stale = FieldChange.objects.stale()
    own = stale.filter(content_type=ContentType.objects.get_for_model(model))
    condition = Q(pk__in=own.values("object_id"))
    for relation in part_relations(model):
        part = relation.related_model
        part_ids = stale.filter(content_type=ContentType.objects.get_for_model(part))
        parts = part._default_manager.filter(pk__in=part_ids.values("object_id"))
        condition |= Q(pk__in=parts.values(relation.field.attname))
    return condition


def mark_stale_languages(items):
    """Set `stale_languages` on each of a page's items: the languages in which one of its
    texts, or of its parts' (prefetched), may be out of date. One query for the page."""
    items = list(items)
    if not items:
        return
    owners = {}  # (content type id, object id) -> the listed item it belongs to
    for item in items:
        item.stale_languages = set()
        owners[(ContentType.objects.get_for_model(item).pk, item.pk)] = item
        for relation in part_relations(type(item)):
            for part in getattr(item, relation.get_accessor_name()).all():
                owners[(ContentType.objects.get_for_model(part).pk, part.pk)] = item
    condition = Q(pk__isnull=True)
    for content_type_id in {key[0] for key in owners}:
        ids = [object_id for type_id, object_id in owners if type_id == content_type_id]
        condition |= Q(content_type_id=content_type_id, object_id__in=ids)
    rows = FieldChange.objects.stale().filter(condition)
    for content_type_id, object_id, language in rows.values_list(
        "content_type_id", "object_id", "language"
    ):
        owners[(content_type_id, object_id)].stale_languages.add(language)


class StaleTranslationFilter(admin.SimpleListFilter):
    title = _("translations")
    parameter_name = "translation_stale"

    def lookups(self, request, model_admin):
        return [("yes", _("May be out of date"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(stale_items_q(queryset.model))
        return queryset


@cache
def _translation_badges(admin_language):
    """{(language, state): badge} in the admin's language: nine pieces of markup that every
    row of every list repeats, written once instead of once per row."""
    states = {
        "missing": ("✗", _("missing")),
        "stale": ("!", _("may be out of date")),
        "complete": ("✓", _("complete")),
    }
    return {
        (code, state): format_html(
            '<span class="translation-badge translation-badge--{}" title="{}">'
            '{}<span aria-hidden="true"> {}</span>'
            '<span class="visually-hidden">: {}</span></span>',
            state,
            LANGUAGE_NAMES[code],
            code,
            sign,
            words,
        )
        for code in LANGUAGES
        for state, (sign, words) in states.items()
    }


class EditorialAdminMixin:
    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["css/editorial-admin.css"]})

    # The list -------------------------------------------------------------------------------

    def get_list_display(self, request):
        return (*super().get_list_display(request), "translation_badges")

    def get_list_filter(self, request):
        return (*super().get_list_filter(request), MissingTranslationFilter, StaleTranslationFilter)

    def get_changelist(self, request, **kwargs):
        changelist = super().get_changelist(request, **kwargs)
        parts = [relation.get_accessor_name() for relation in part_relations(self.model)]
        if not parts:
            return changelist

        class WithParts(changelist):
            # The badges read the parts' texts too: one query for the page, not one per row.
            def get_queryset(self, request, exclude_parameters=None):
                return super().get_queryset(request, exclude_parameters).prefetch_related(*parts)

        return WithParts

    def get_changelist_instance(self, request):
        changelist = super().get_changelist_instance(request)
        mark_stale_languages(changelist.result_list)
        return changelist

    @admin.display(description=_("translations"))
    def translation_badges(self, obj):
        missing = languages_missing(obj)
        stale = getattr(obj, "stale_languages", set())
        badges = _translation_badges(translation.get_language())

        def state(code):
            return "missing" if code in missing else "stale" if code in stale else "complete"

        return mark_safe(
            '<span class="translation-badges">'
            + " ".join(badges[code, state(code)] for code in LANGUAGES)
            + "</span>"
        )

    # The change form ------------------------------------------------------------------------

    def _stale_marks(self, request, obj):
        """Computed once per request and item (the admin asks for the fieldsets several times)."""
        if obj is None or obj.pk is None or not visitor_fields(self.model):
            return []
        cache = request.__dict__.setdefault("_editorial_stale_marks", {})
        key = (self.model._meta.label_lower, obj.pk)
        if key not in cache:
            cache[key] = stale_marks(obj)
        return cache[key]

    def get_fieldsets(self, request, obj=None):
        # An admin without declared fieldsets lists every form field, this one included: it
        # belongs only in its own fieldset at the top.
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != CONFIRM_FIELD]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if self._stale_marks(request, obj):
            description = _(
                "The text of these fields changed in another language after they were last "
                "saved. Update them in their language's tab, or tick the ones that still say "
                "the same and save."
            )
            stale = (
                _("Translations that may be out of date"),
                {
                    "fields": [CONFIRM_FIELD],
                    "description": description,
                    "classes": ["editorial-stale-fieldset"],
                },
            )
            fieldsets.insert(0, stale)
        return fieldsets

    def get_form(self, request, obj=None, **kwargs):
        marks = self._stale_marks(request, obj)
        if marks:
            base = kwargs.get("form", self.form)
            confirm_field = forms.MultipleChoiceField(
                label=_("Still correct"),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                choices=[(mark.key, self._mark_label(obj, mark)) for mark in marks],
            )
            kwargs["form"] = type(base.__name__, (base,), {CONFIRM_FIELD: confirm_field})
        form = super().get_form(request, obj, **kwargs)
        for mark in marks:
            field = form.base_fields.get(f"{mark.field}_{mark.language}")
            if mark.obj is obj and field is not None:
                note = self._stale_note(mark)
                field.help_text = format_html("{} {}", note, field.help_text or "")
                classes = field.widget.attrs.get("class", "")
                field.widget.attrs["class"] = f"{classes} editorial-stale".strip()
        return form

    def _stale_note(self, mark):
        changed = ", ".join(str(LANGUAGE_NAMES[code]) for code in mark.changed_languages)
        when = formats.date_format(timezone.localtime(mark.changed_at), "SHORT_DATETIME_FORMAT")
        return format_html(
            '<strong class="editorial-stale-note">{}</strong>',
            _("May be out of date: the %(languages)s text changed on %(when)s.")
            % {"languages": changed, "when": when},
        )

    def _mark_label(self, obj, mark):
        field = capfirst(mark.field_label)
        language = LANGUAGE_NAMES[mark.language]
        if mark.obj is obj:
            return f"{field} ({language})"
        part = capfirst(type(mark.obj)._meta.verbose_name)
        return f"{part} “{mark.obj}”: {field} ({language})"

    def save_model(self, request, obj, form, change):
        before = dict(form.initial) if change else None
        super().save_model(request, obj, form, change)
        now = request.__dict__.setdefault("_editorial_now", timezone.now())
        if visitor_fields(self.model):
            record_changes(obj, before, now)
        confirm(form.cleaned_data.get(CONFIRM_FIELD) or [], now)

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        model = formset.model
        if not visitor_fields(model):
            return
        now = request.__dict__.setdefault("_editorial_now", timezone.now())
        new = {id(obj) for obj in formset.new_objects}
        deleted = {id(obj) for obj in formset.deleted_objects}
        for part_form in formset.forms:
            part = part_form.instance
            if part.pk is None or id(part) in deleted or not part_form.has_changed():
                continue
            before = None if id(part) in new else dict(part_form.initial)
            record_changes(part, before, now)
