"""Which languages an item is complete in, for the fields a visitor reads.

One definition serves the admin's column and filter, the dashboard and the digest: the fields come
from modeltranslation's registry (less a short list of fields no visitor reads), and a language is
complete when every such field that has text in some language also has text in it, and every
text a visitor needs to have (EXPECTED, e.g. a partner's description) has text in it at all: a
partner with no description is not complete anywhere. Another optional field (a short name, a
city) left empty in all three languages is not missing anywhere. The same rule exists twice, as a
Q for the database (filters and counts in SQL) and in Python for an item already loaded; the
tests hold the two together.
"""

import operator
from functools import cache, reduce

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce, Replace
from django.db.models.lookups import Exact
from django_prose_editor.fields import ProseEditorField
from modeltranslation.translator import NotRegistered, translator

from samsmu_intl.content.publishing import Publishable

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)

# Translated fields that no visitor reads: none at the moment. Add "app_label.model.field" here
# when one appears (for instance an internal note that happens to be translated).
NOT_VISITOR_FACING = frozenset()

# Optional texts without which an item is not complete in any language: what a partner does,
# and what an applicant must know before applying.
EXPECTED = frozenset(
    {
        "partners.partner.description",
        "partners.program.eligibility",
        "partners.program.how_to_apply",
    }
)

# Items edited inline inside another one: their texts count for the parent item (an event's photo
# captions are part of the event's page; the home page sections part of the department's page).
PARTS = {
    "events.event": ("photos",),
    "news.newsarticle": ("photos",),
    "department.department": ("sections",),
    "applicants.applicantguide": ("steps", "questions"),
}

# What the rich-text editor leaves behind when the text is deleted: markup with nothing to read.
EMPTY_MARKUP = ("<p>", "</p>", "<br>", "<br/>", "<br />", "&nbsp;", "\n", "\r", "\t", " ")


def visitor_fields(model):
    """The translated fields a visitor reads, in declaration order."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return ()
    label = model._meta.label_lower
    return tuple(
        field.name
        for field in model._meta.get_fields()
        if field.name in options.all_fields and f"{label}.{field.name}" not in NOT_VISITOR_FACING
    )


def is_rich_text(model, field_name):
    return isinstance(model._meta.get_field(field_name), ProseEditorField)


def part_relations(model):
    """The reverse relations to a model's parts, e.g. Event -> its photos."""
    return [model._meta.get_field(name) for name in PARTS.get(model._meta.label_lower, ())]


def is_expected(model, field_name):
    return f"{model._meta.label_lower}.{field_name}" in EXPECTED


def has_text(value, rich=False):
    text = value or ""
    if rich:
        for token in EMPTY_MARKUP:
            text = text.replace(token, "")
    return bool(text)


def _text_expression(model, field_name, language):
    text = models.TextField()
    expression = Coalesce(F(f"{field_name}_{language}"), Value(""), output_field=text)
    if is_rich_text(model, field_name):
        for token in EMPTY_MARKUP:
            expression = Replace(expression, Value(token), Value(""), output_field=text)
    return expression


def _has_text_q(model, field_name, language):
    return ~Q(Exact(_text_expression(model, field_name, language), Value("")))


def missing_translation_q(model, language):
    """Rows with some visitor-read field that has text in another language but not in this one
    (or with a part that does). Plain SQL functions: the same on SQLite and PostgreSQL."""
    conditions = []
    for name in visitor_fields(model):
        absent = ~_has_text_q(model, name, language)
        if is_expected(model, name):
            conditions.append(absent)
            continue
        elsewhere = [_has_text_q(model, name, other) for other in LANGUAGES if other != language]
        conditions.append(reduce(operator.or_, elsewhere) & absent)
    for relation in part_relations(model):
        part = relation.related_model
        incomplete_parts = part._default_manager.filter(missing_translation_q(part, language))
        conditions.append(Q(pk__in=incomplete_parts.values(relation.field.attname)))
    # A model with nothing to translate misses nothing (a primary key is never null).
    return reduce(operator.or_, conditions, Q(pk__isnull=True))


def missing_translation_counts(model, published_only=False, using=DEFAULT_DB_ALIAS):
    """{language: how many items of `model` (only the published ones, if asked) miss a
    visitor-read text in it}, in one query."""
    sql, params = _missing_translation_counts_sql(model, published_only, using)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        row = dict(
            zip((column[0] for column in cursor.description), cursor.fetchone(), strict=True)
        )
    return {code: row[code] for code in LANGUAGES}


@cache
def _missing_translation_counts_sql(model, published_only, using):
    # The ORM's own SQL, built once per process: the conditions hold no date, user or other
    # variable, and resolving their hundreds of nested expressions costs the dashboard several
    # times what the database then needs to answer them.
    queryset = model._default_manager.using(using).order_by()
    if published_only:
        queryset = queryset.filter(status=Publishable.Status.PUBLISHED)
    counts = {code: Count("pk", filter=missing_translation_q(model, code)) for code in LANGUAGES}
    # Grouped by a constant: one row, the counts of the whole table (zeros when it is empty).
    one_row = queryset.annotate(whole_table=Value(1)).values("whole_table").annotate(**counts)
    return one_row.values(*LANGUAGES).query.get_compiler(using).as_sql()


def languages_missing(instance):
    """The languages in which a loaded item misses a visitor-read text (its parts included:
    prefetch them when listing many items)."""
    model = type(instance)
    missing = set()
    for name in visitor_fields(model):
        rich = is_rich_text(model, name)
        texts = {code: getattr(instance, f"{name}_{code}") for code in LANGUAGES}
        present = {code for code, text in texts.items() if has_text(text, rich)}
        if present or is_expected(model, name):
            missing |= set(LANGUAGES) - present
    for relation in part_relations(model):
        for part in getattr(instance, relation.get_accessor_name()).all():
            missing |= languages_missing(part)
    return missing


def missing_translation(queryset, language):
    """The items of `queryset` that miss a visitor-read text in `language`."""
    return queryset.filter(missing_translation_q(queryset.model, language))


def translation_status(instance):
    """{language code: complete?} in the order of settings.LANGUAGES."""
    missing = languages_missing(instance)
    return {code: code not in missing for code in LANGUAGES}


def complete_languages(instance):
    return [code for code, complete in translation_status(instance).items() if complete]
