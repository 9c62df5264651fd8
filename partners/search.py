"""What the directory's search (`?q=`) finds a partner by: its names and city in every language,
and its country's name in every language, with the names the country was long known by
("Turkey" for Türkiye, "Swaziland" for Eswatini), so that a visitor finds it whatever name they
type. Casefolded into one column (Partner.search_text) that both databases search alike."""

from django.conf import settings
from django.utils import translation
from django_countries import countries

from samsmu_intl.content.text import normalise_for_search


def country_names(code):
    """The country's names in every language of the site, the former ones too."""
    names = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            names.append(str(countries.name(code)))
            names += [str(old) for old in countries.OLD_NAMES.get(code, ())]
    return list(dict.fromkeys(name for name in names if name))


def partner_search_text(partner):
    """The search column's text. Takes a historical model too (the migration that refreshes the
    column): it reads fields only."""
    parts = []
    for code, _name in settings.LANGUAGES:
        parts += [
            getattr(partner, f"{field}_{code}", "") for field in ("name", "short_name", "city")
        ]
    if partner.country:
        parts += [*country_names(partner.country.code), partner.country.code]
    return normalise_for_search(" | ".join(part for part in parts if part))
