"""Country names as a reader expects them in a list, a card or a sentence: plain and in the
nominative ("Мьянма", not "Мьянмы"; "Палестина", not "Палестина, Государство"; "Nauru", not
"Naoero"; "Bahamas", not "Bahamas (The)"). django-countries gives the English and Russian
names, and no Uzbek ones; locale/vendor/<language> corrects and completes them: the one source
of every country name the site writes."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django_countries import countries

from tests.test_languages import visible_text

LANGUAGES = [code for code, _name in settings.LANGUAGES]

# Names that look inverted or oblique but are the country's own plain name, with the reason.
ALLOWED = {
    ("en", "BQ"): "Bonaire, Sint Eustatius and Saba: a list of three islands, not an inversion",
    ("ru", "BQ"): "Бонайре, Синт-Эстатиус и Саба: a list of three islands, not an inversion",
    ("uz", "BQ"): "Boneyr, Sint-Estatius va Saba: a list of three islands, not an inversion",
}
# Russian nouns and adjectives in the genitive or another oblique case, as the first word of a
# name: "Мьянмы", "Либерии", "Новой Каледонии", "Святого Мартина". A plural country name in
# the nominative also ends in -ы ("Мальдивы"), as does a possessive adjective ("Каймановы").
RUSSIAN_OBLIQUE = re.compile(r"^\w+ии\b|^\w+(ого|его|ой|ей)\s|^\w+(?<!ов)(?<!ев)ы$")
RUSSIAN_PLURALS = {"MV": "Мальдивы", "PH": "Филиппины", "NL": "Нидерланды"}


def names(language):
    with translation.override(language):
        return {code: str(name) for code, name in countries}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_country_has_a_plain_name(language):
    written = names(language)
    assert len(written) >= 249
    odd = []
    for code, name in written.items():
        if (language, code) in ALLOWED:
            continue
        if "," in name:
            odd.append(f"{code} {name}: inverted (X, Y)")
        if re.search(r"[()\[\]]", name):
            odd.append(f"{code} {name}: parentheses")
        if "  " in name or " - " in name or name != name.strip():
            odd.append(f"{code} {name}: spacing")
        if language == "ru" and RUSSIAN_OBLIQUE.search(name) and code not in RUSSIAN_PLURALS:
            odd.append(f"{code} {name}: not in the nominative")
    assert odd == []


def test_russian_plural_names_are_the_nominative_ones():
    written = names("ru")
    assert {code: written[code] for code in RUSSIAN_PLURALS} == RUSSIAN_PLURALS


def test_the_allow_list_is_still_needed():
    for language, code in ALLOWED:
        name = names(language)[code]
        assert "," in name or (language == "ru" and RUSSIAN_OBLIQUE.search(name)), name


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("MM", {"uz": "Myanma", "ru": "Мьянма", "en": "Myanmar"}),
        ("PS", {"uz": "Falastin", "ru": "Палестина", "en": "Palestine"}),
        ("NR", {"uz": "Nauru", "ru": "Науру", "en": "Nauru"}),
        ("BS", {"uz": "Bagama orollari", "ru": "Багамские острова", "en": "Bahamas"}),
        ("LR", {"uz": "Liberiya", "ru": "Либерия", "en": "Liberia"}),
        ("NC", {"uz": "Yangi Kaledoniya", "ru": "Новая Каледония", "en": "New Caledonia"}),
        ("VG", {"uz": "Britaniya Virgin orollari", "ru": "Британские Виргинские острова",
                "en": "British Virgin Islands"}),
        ("TR", {"uz": "Turkiya", "ru": "Турция", "en": "Türkiye"}),
    ],
)  # fmt: skip
def test_names_seen_on_the_pages(code, expected):
    assert {language: names(language)[code] for language in LANGUAGES} == expected


def test_partner_page_writes_the_corrected_name(client, make_partner):
    partner = make_partner("yangon", country="MM", name_ru="Университет медицины Янгона")
    with translation.override("ru"):
        html = client.get(partner.get_absolute_url()).content.decode()
        directory = client.get(reverse("partners:list")).content.decode()
    assert "Мьянма" in visible_text(html)
    assert "Мьянмы" not in html
    assert "Мьянма" in visible_text(directory)


@pytest.mark.parametrize(
    "name",
    ["Мьянмы", "Либерии", "Новой Каледонии", "Святого Мартина (Остров)", "Палестина, Государство"],
)
def test_the_walk_would_catch_the_names_once_written(name):
    assert RUSSIAN_OBLIQUE.search(name) or "," in name or "(" in name
