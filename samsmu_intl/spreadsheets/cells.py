"""What a cell holds: the label a person reads instead of the value stored (a choice's label,
a country's name, yes or no, a local time, related items' names), written in the staff
member's language and read back in any of the three languages, or as the stored value."""

from functools import cache

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_countries import countries
from import_export import widgets

from samsmu_intl.content.text import normalise_for_search

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
TIME_FORMAT = "%Y-%m-%d %H:%M"
# Several related items in one cell; commas are also read (a cell may list slugs that way).
SEPARATOR = "; "


def normalised(value):
    """One form for comparing what someone typed with a label: case, spaces and the many ways
    of typing the Uzbek ʻ do not matter."""
    return normalise_for_search("" if value is None else str(value))


def in_every_language(text):
    """A lazy text as each language has it."""
    texts = []
    for code in LANGUAGES:
        with translation.override(code):
            texts.append(str(text))
    return texts


def listing(values):
    return ", ".join(f"“{value}”" for value in values)


class LabelWidget(widgets.Widget):
    """A choice by its label."""

    def __init__(self, choices, required=False):
        super().__init__()
        self.choices = [(value, label) for value, label in choices if value not in (None, "")]
        self.required = required

    def allowed_values(self):
        return [str(label) for _value, label in self.choices]

    def render(self, value, obj=None, **kwargs):
        if value in (None, ""):
            return ""
        return str(dict(self.choices).get(value, value))

    def clean(self, value, row=None, **kwargs):
        text = normalised(value)
        if not text:
            if self.required:
                raise ValueError(
                    _("Required: one of %(allowed)s.") % {"allowed": listing(self.allowed_values())}
                )
            return ""
        try:
            return self._values()[text]
        except KeyError:
            raise ValueError(
                _("“%(value)s” is not an allowed value. Allowed: %(allowed)s.")
                % {"value": value, "allowed": listing(self.allowed_values())}
            ) from None

    def _values(self):
        if not hasattr(self, "_by_text"):
            self._by_text = {}
            for value, label in self.choices:
                for text in (value, *in_every_language(label)):
                    self._by_text[normalised(text)] = value
        return self._by_text


@cache
def _country_codes():
    """{name in any language, or ISO code: ISO code}."""
    codes = {}
    for language in LANGUAGES:
        with translation.override(language):
            codes.update((normalised(name), code) for code, name in countries)
    codes.update((normalised(code), code) for code, _name in countries)
    return codes


class CountryWidget(widgets.Widget):
    """A country by its name."""

    def __init__(self, required=False):
        super().__init__()
        self.required = required

    def allowed_values(self):
        return [str(name) for _code, name in countries]

    def render(self, value, obj=None, **kwargs):
        code = getattr(value, "code", value)
        return str(countries.name(code)) if code else ""

    def clean(self, value, row=None, **kwargs):
        text = normalised(value)
        if not text:
            if self.required:
                raise ValueError(_("Required: the country’s name, or its two-letter ISO code."))
            return ""
        try:
            return _country_codes()[text]
        except KeyError:
            raise ValueError(
                _(
                    "“%(value)s” is not a country: write its name as on the sheet of allowed "
                    "values, or its two-letter ISO code (UZ, DE, TR…)."
                )
                % {"value": value}
            ) from None


class YesNoWidget(widgets.BooleanWidget):
    """Yes or no, in words."""

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return _("Yes") if value else _("No")

    def clean(self, value, row=None, **kwargs):
        text = normalised(value)
        if text in {normalised(word) for word in ("1", "true", *in_every_language("Yes"))}:
            return True
        if text in {normalised(word) for word in ("0", "false", *in_every_language("No"))}:
            return False
        if not text:
            return None
        raise ValueError(_("Write “%(yes)s” or “%(no)s”.") % {"yes": _("Yes"), "no": _("No")})


class LocalTimeWidget(widgets.DateTimeWidget):
    """A moment in the site's time zone (Tashkent), to the minute: 2026-12-01 14:30. Text in
    every format, so that a spreadsheet shows no seconds, fractions or time zone."""

    def __init__(self):
        super().__init__(format=TIME_FORMAT)

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        return timezone.localtime(value).strftime(TIME_FORMAT)


class NamesWidget(widgets.ManyToManyWidget):
    """Related items (forms of cooperation) by their names, separated by semicolons. Reads their
    names in any language, or their slugs."""

    def __init__(self, model, name_field="name", key_field="slug"):
        super().__init__(model, separator=SEPARATOR.strip(), field=key_field)
        self.name_field = name_field

    def allowed_values(self):
        return [str(getattr(item, self.name_field)) for item in self.model.objects.all()]

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return SEPARATOR.join(str(getattr(item, self.name_field)) for item in value.all())

    def render_keys(self, keys):
        """The names of the items with these keys, as a cell shows them."""
        items = {getattr(item, self.field): item for item in self.model.objects.all()}
        return SEPARATOR.join(str(getattr(items[key], self.name_field)) for key in keys)

    def clean(self, value, row=None, **kwargs):
        index = self._index()
        found, unknown = [], []
        for piece in str(value or "").split(self.separator):
            if not normalised(piece):
                continue
            items = _named(index, [piece]) or _named(index, piece.split(","))
            if items is None:
                unknown.append(piece.strip())
            else:
                found += [item for item in items if item not in found]
        if unknown:
            raise ValueError(
                _("Not allowed: %(values)s. Allowed: %(allowed)s, separated by semicolons.")
                % {"values": listing(unknown), "allowed": listing(self.allowed_values())}
            )
        return found

    def _index(self):
        """{name in any language, or key: item}, read for each cell: staff may have renamed
        an item since the last import."""
        index = {}
        for item in self.model.objects.all():
            texts = [getattr(item, f"{self.name_field}_{code}", "") for code in LANGUAGES]
            for text in (getattr(item, self.field), *texts):
                if normalised(text):
                    index[normalised(text)] = item
        return index


def _named(index, names):
    """The items of `index` with all these names, or None if one of them is unknown."""
    names = [normalised(name) for name in names if normalised(name)]
    if names and all(name in index for name in names):
        return [index[name] for name in names]
    return None
