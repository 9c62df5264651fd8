import importlib
import re

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from partners.models import Partner


def directory(client, language="en", **params):
    with translation.override(language):
        return client.get(reverse("partners:list"), params)


def names_on(response):
    return re.findall(
        r'<h2 class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def network(make_partner):
    make_partner("heidelberg", country="DE", city_en="Heidelberg", forms=["research"])
    make_partner(
        "yeditepe",
        country="TR",
        name_en="Yeditepe University",
        name_ru="Университет Едитепе",
        name_uz="Yeditepe universiteti",
        city_en="Istanbul",
        city_ru="Стамбул",
        forms=["staff-mobility", "research"],
    )
    make_partner(
        "amu",
        country="AZ",
        kind="medical-university",
        name_en="Azerbaijan Medical University",
        name_ru="Азербайджанский медицинский университет",
        city_en="Baku",
        forms=["staff-mobility"],
    )
    make_partner("kazan", country="RU", kind="medical-university", name_en="Kazan Medical Academy")
    make_partner("seoul", country="KR", kind="hospital", name_en="Seoul Clinic")
    make_partner("hidden", country="DE", status=Partner.Status.DRAFT, name_en="Hidden Draft")
    make_partner(
        "later",
        country="DE",
        name_en="Later Partner",
        publish_from=timezone.now() + timezone.timedelta(days=2),
    )


def test_lists_published_partners_only(client, network):
    names = names_on(directory(client))
    assert names == sorted(names)
    assert "Yeditepe University" in names
    assert "Hidden Draft" not in names
    assert "Later Partner" not in names
    assert len(names) == 5


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"region": "europe"}, {"Heidelberg", "Yeditepe University"}),
        ({"region": "cis"}, {"Azerbaijan Medical University", "Kazan Medical Academy"}),
        ({"country": "tr"}, {"Yeditepe University"}),
        (
            {"kind": "medical-university"},
            {"Azerbaijan Medical University", "Kazan Medical Academy"},
        ),
        (
            {"cooperation": "staff-mobility"},
            {"Yeditepe University", "Azerbaijan Medical University"},
        ),
        ({"region": "cis", "cooperation": "staff-mobility"}, {"Azerbaijan Medical University"}),
        ({"region": "europe", "kind": "medical-university"}, set()),
        ({"region": "asia", "kind": "hospital", "q": "seoul"}, {"Seoul Clinic"}),
    ],
)
def test_filters_combine(client, network, params, expected):
    assert set(names_on(directory(client, **params))) == expected


@pytest.mark.parametrize(
    ("language", "query", "expected"),
    [
        ("ru", "Yeditepe", "Университет Едитепе"),
        ("en", "Едитепе", "Yeditepe University"),
        ("en", "едитепе", "Yeditepe University"),
        ("en", "СТАМБУЛ", "Yeditepe University"),
        ("ru", "baku", "Азербайджанский медицинский университет"),
        ("uz", "YEDITEPE", "Yeditepe universiteti"),
        ("en", "Turkiya", "Yeditepe University"),
        ("en", "германия", "Heidelberg"),
        ("en", "  medical   azerbaijan ", "Azerbaijan Medical University"),
    ],
)
def test_search_crosses_languages_and_case(client, network, language, query, expected):
    assert names_on(directory(client, language, q=query)) == [expected]


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
@pytest.mark.parametrize("query", ["Turkey", "Турция", "Turkiya", "türkiye", "TURKIYA", "турция"])
def test_search_finds_partners_by_their_countrys_name_in_any_language(
    client, network, language, query
):
    """The country's name in uz, ru and en, and the name English long had for it ("Turkey")."""
    assert names_on(directory(client, language, q=query)) == [
        {"uz": "Yeditepe universiteti", "ru": "Университет Едитепе", "en": "Yeditepe University"}[
            language
        ]
    ]


def test_search_finds_a_country_by_its_corrected_name(client, make_partner):
    make_partner("yangon", country="MM", name_en="University of Medicine Yangon")
    for query in ("Мьянма", "Myanmar", "Myanma"):
        assert names_on(directory(client, "ru", q=query)) == ["University of Medicine Yangon"]


def test_migration_refreshes_the_search_text_of_existing_partners(client, network):
    """Rows saved before the country names were corrected or completed are found after the
    data migration, without anyone saving them again."""
    migration = importlib.import_module(
        "partners.migrations.0007_search_finds_country_names_in_every_language"
    )
    Partner.objects.update(search_text="")
    assert not Partner.objects.search("Turkey").exists()
    migration.refresh_search_text(django_apps, None)
    assert [p.slug for p in Partner.objects.search("Turkey")] == ["yeditepe"]
    assert names_on(directory(client, q="Турция")) == ["Yeditepe University"]


def test_uzbek_apostrophes_match_whatever_was_typed(client, make_partner):
    make_partner("tashkent", country="UZ", name_uz="Oʻzbekiston tibbiyot akademiyasi")
    for typed in ("O'zbekiston", "o`zbekiston", "Oʻzbekiston", "O‘ZBEKISTON"):
        html = directory(client, "uz", q=typed).content.decode()
        assert "Oʻzbekiston tibbiyot akademiyasi" in html, typed


def test_facet_counts_apply_the_other_filters(client, network):
    html = directory(client, region="cis").content.decode()
    region = re.search(r'<select id="filter-region".*?</select>', html, re.S).group(0)
    kind = re.search(r'<select id="filter-kind".*?</select>', html, re.S).group(0)
    country = re.search(r'<select id="filter-country".*?</select>', html, re.S).group(0)
    # Region counts ignore the region filter (what you get by switching region)...
    assert '<option value="europe">Europe (2)</option>' in region
    assert '<option value="cis" selected>CIS (2)</option>' in region
    assert '<option value="asia">Asia (1)</option>' in region
    # ...the others count within it; values with nothing to show are left out.
    assert "Medical university (2)" in kind
    assert "Hospital" not in kind
    assert re.findall(r'<option value="(\w\w)"', country) == ["AZ", "RU"]


@pytest.mark.parametrize(
    "chosen",
    [
        {},
        {"region": "europe"},
        {"kind": "medical-university", "cooperation": "staff-mobility"},
        {"region": "cis", "country": "AZ", "kind": "medical-university"},
        {"cooperation": "research", "q": "university"},
    ],
)
def test_every_facet_count_is_what_choosing_that_value_shows(client, network, chosen):
    """Each number beside an option equals the partners listed after choosing it, and the total
    in the heading equals the partners listed now."""
    response = directory(client, **chosen)
    html = response.content.decode()
    total = re.search(r'id="results-heading"[^>]*>(\d+) partners?<', html).group(1)
    assert int(total) == len(names_on(response))
    checked = 0
    for name in ("region", "country", "kind", "cooperation"):
        select = re.search(rf'<select id="filter-{name}".*?</select>', html, re.S).group(0)
        options = re.findall(r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)</option>', select)
        for value, count in options:
            listed = names_on(directory(client, **{**chosen, name: value}))
            assert len(listed) == int(count), (name, value)
            checked += 1
    assert checked >= 4


def test_unknown_filter_values_are_ignored_and_shown(client, network):
    response = directory(client, region="mars", country="XX", kind="<script>", cooperation="x")
    html = response.content.decode()
    assert response.status_code == 200
    assert len(names_on(response)) == 5
    assert "These filter values are unknown and were ignored:" in html
    assert "Region: <q>mars</q>" in html
    assert "Kind: <q>&lt;script&gt;</q>" in html
    assert "<script>" not in html


def test_empty_state_says_what_to_relax(client, network):
    html = directory(client, region="europe", kind="hospital").content.decode()
    assert "No partner matches all of these filters." in html
    assert "Try removing one of them" in html
    assert 'href="?kind=hospital" class="chip">Region: Europe' in html
    assert 'href="?region=europe" class="chip">Kind: Hospital' in html


def test_filters_survive_a_language_switch(client, network):
    html = directory(client, "en", region="cis", q="baku").content.decode()
    assert 'href="/ru/partners/?region=cis&amp;q=baku"' in html
    assert 'href="/uz/partners/?region=cis&amp;q=baku"' in html


@pytest.mark.parametrize(
    "query",
    ["x" * 1000, "\x00", "%", "_", "😀🇺🇿", "' OR 1=1 --", "\u202e\u0301", "а" * 5000],
)
def test_odd_searches_answer_calmly(client, network, query):
    assert directory(client, q=query).status_code == 200


def test_pagination_and_page_past_the_end(client, db):
    call_command("make_sample_data", partners=60, verbosity=0)
    first = directory(client)
    assert len(names_on(first)) == 24
    assert "Page 1 of 3" in first.content.decode()
    past_end = directory(client, page=99)
    assert past_end.status_code == 200
    assert "Page 3 of 3" in past_end.content.decode()
    assert len(names_on(past_end)) == 12
    assert directory(client, page="abc").status_code == 200


def test_page_links_keep_the_filters(client, db):
    call_command("make_sample_data", partners=80, verbosity=0)
    html = directory(client, region="", q="Sample", page=2).content.decode()
    assert "Page 2 of 4" in html
    assert 'href="?q=sample&amp;page=1" rel="prev"' in html
    assert 'href="?q=sample&amp;page=3" rel="next"' in html


def test_directory_query_count_is_fixed_for_2000_partners(client, db, django_assert_num_queries):
    call_command("make_sample_data", partners=2000, verbosity=0)
    # Cooperation forms, two facet queries (region, country and kind in one; forms of
    # cooperation), the page, the footer's department. The facets give the total: no COUNT.
    with django_assert_num_queries(5):
        response = directory(client, region="europe", cooperation="research", q="sample")
    assert response.status_code == 200
    with django_assert_num_queries(5):
        directory(client, page=40)


def test_forms_of_cooperation_exist_after_migrate_and_keep_staff_wording(db):
    from partners.cooperation_forms import FORMS, ensure_cooperation_forms
    from partners.models import CooperationForm

    research = CooperationForm.objects.get(slug="research")
    research.name_en = "Joint research"
    research.save()
    ensure_cooperation_forms()
    ensure_cooperation_forms()
    assert CooperationForm.objects.count() == len(FORMS)
    assert CooperationForm.objects.get(slug="research").name_en == "Joint research"
