"""Every public page lives under /uz/, /ru/ or /en/, and says which versions exist."""

import datetime
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format


def visible_text(html):
    html = re.sub(r"(?s)<(script|style|svg)\b.*?</\1>", " ", html)
    return " ".join(re.sub(r"(?s)<[^>]+>", " ", html).split())


def url(name, language, **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@pytest.mark.django_db
class TestRootRedirect:
    def test_without_preferences_goes_to_uzbek(self, client):
        response = client.get("/")
        assert response.status_code == 302
        assert response["Location"] == "/uz/"

    @pytest.mark.parametrize(
        ("header", "expected"),
        [("ru-RU,ru;q=0.9,en;q=0.8", "/ru/"), ("en-GB,en;q=0.9", "/en/"), ("de, fr", "/uz/")],
    )
    def test_follows_accept_language(self, client, header, expected):
        response = client.get("/", headers={"accept-language": header})
        assert response["Location"] == expected

    def test_a_chosen_language_wins_over_the_browser_default(self, client):
        client.cookies["django_language"] = "en"
        response = client.get("/", headers={"accept-language": "ru"})
        assert response["Location"] == "/en/"

    def test_redirect_varies_on_what_it_read(self, client):
        vary = client.get("/")["Vary"]
        assert "Accept-Language" in vary
        assert "Cookie" in vary

    def test_unprefixed_page_path_redirects_into_a_language(self, client):
        response = client.get("/team/", headers={"accept-language": "ru"})
        assert response.status_code == 302
        assert response["Location"] == "/ru/team/"


@pytest.mark.django_db
class TestLanguageOfPages:
    @pytest.mark.parametrize(
        ("language", "home", "team"),
        [("uz", "Bosh sahifa", "Jamoa"), ("ru", "Главная", "Сотрудники"), ("en", "Home", "Team")],
    )
    def test_each_language_shows_its_own_interface(self, client, language, home, team):
        html = client.get(url("department:team", language)).content.decode()
        assert f'<html lang="{language}">' in html
        assert f">{home}</a>" in html
        assert f"<h1>{team}</h1>" in html

    def test_admin_speaks_uzbek_when_chosen(self, admin_client):
        admin_client.cookies["django_language"] = "uz"
        html = admin_client.get(reverse("admin:index")).content.decode()
        assert "SamDTU xalqaro hamkorligi" in html
        assert "Sayt mazmuni" in html
        for english in ("Recent actions", "Log out", "Change password", "Site content", "Staff"):
            assert english not in html

    def test_admin_history_and_recovery_speak_uzbek(self, admin_client, make_partner):
        from reversion.models import Version

        from partners.models import Partner
        from tests.test_history import NAMES, save_in_admin

        admin_client.cookies["django_language"] = "uz"
        partner = make_partner("yeditepe", country="TR", **NAMES)
        save_in_admin(admin_client, partner)
        save_in_admin(admin_client, partner, name_ru="Университет Едитепе (Стамбул)")
        newer, older = Version.objects.get_for_object(partner)[:2]
        compare = reverse("admin:partners_partner_compare", args=[partner.pk])
        pages = [
            (reverse("admin:partners_partner_history", args=[partner.pk]), "Tarix"),
            (f"{compare}?version_id1={older.pk}&version_id2={newer.pk}", "versiyaga qaytarish"),
            (reverse("admin:partners_partner_revision", args=[partner.pk, older.pk]), "Saqlash"),
        ]
        texts = [(page, uzbek, admin_client.get(page)) for page, uzbek in pages]
        admin_client.post(
            reverse("admin:partners_partner_delete", args=[partner.pk]), {"post": "yes"}
        )
        deleted = Version.objects.get_deleted(Partner).get()
        pages = [
            (reverse("admin:partners_partner_changelist"), "Oʻchirilgan hamkor"),
            (reverse("admin:partners_partner_recoverlist"), "tiklash uchun quyidagi"),
            (reverse("admin:partners_partner_recover", args=[deleted.pk]), "tiklash uchun"),
        ]
        texts += [(page, uzbek, admin_client.get(page)) for page, uzbek in pages]

        for page, uzbek, response in texts:
            assert response.status_code == 200, page
            text = visible_text(response.content.decode())
            assert uzbek in text, page
            for english in (
                "Recover",
                "Revert",
                "History",
                "Choose a date",
                "Press the save button",
                "Date/time",
                "Comment",
                "compare",
                "Go back to history list",
                "Edit comment",
                "There are no",
                "Home",
                "Save",
            ):
                assert english not in text, (page, english)


@pytest.mark.django_db
class TestAlternates:
    def test_hreflang_and_canonical_on_every_language(self, client, language):
        html = client.get(url("department:team", language)).content.decode()
        assert f'<link rel="canonical" href="http://testserver/{language}/team/">' in html
        for code in ("uz", "ru", "en"):
            assert (
                f'<link rel="alternate" hreflang="{code}" href="http://testserver/{code}/team/">'
                in html
            )
        assert '<link rel="alternate" hreflang="x-default" href="http://testserver/team/">' in html

    def test_site_url_setting_makes_the_links_absolute_to_it(self, client, settings):
        settings.SITE_URL = "https://intl.example.uz"
        html = client.get(url("department:landing", "ru")).content.decode()
        assert '<link rel="canonical" href="https://intl.example.uz/ru/">' in html
        assert 'hreflang="x-default" href="https://intl.example.uz/"' in html

    def test_switcher_keeps_the_page_and_its_query_string(self, client):
        response = client.get(url("department:team", "en") + "?page=2&q=%D0%B0")
        switcher = re.search(
            r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S
        )
        links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', switcher.group(0)))
        assert set(links.values()) == {"uz", "ru", "en"}
        assert {lang: path for path, lang in links.items()} == {
            "uz": "/uz/team/?page=2&amp;q=%D0%B0",
            "ru": "/ru/team/?page=2&amp;q=%D0%B0",
            "en": "/en/team/?page=2&amp;q=%D0%B0",
        }
        assert 'hreflang="en" lang="en" data-language="en" aria-current="true"' in switcher.group(0)

    def test_switcher_needs_no_form_so_pages_set_no_cookie(self, client):
        response = client.get(url("department:landing", "ru"))
        assert "csrftoken" not in response.cookies
        assert "<form" not in response.content.decode()


def test_uzbek_dates_write_the_year_first_and_the_month_in_lower_case():
    """Uzbek writes the year first ("2026-yil 28-noyabr", the glossary), where Django's formats
    put it last (samsmu_intl/content/formats); inside a date the month is in lower case, where
    Django's catalogue capitalises it (locale/vendor)."""
    with translation.override("uz"):
        assert date_format(datetime.date(2026, 11, 28), "DATE_FORMAT") == "2026-yil 28-noyabr"
        assert date_format(datetime.date(2027, 1, 5), "DATE_FORMAT") == "2027-yil 5-yanvar"
        assert date_format(datetime.date(2025, 4, 1), "YEAR_MONTH_FORMAT") == "2025-yil aprel"
        moment = datetime.datetime(2026, 11, 28, 9, 5)
        assert date_format(moment, "DATETIME_FORMAT") == "2026-yil 28-noyabr, 09:05"


UZBEK_MONTHS = [
    "yanvar",
    "fevral",
    "mart",
    "aprel",
    "may",
    "iyun",
    "iyul",
    "avgust",
    "sentabr",
    "oktabr",
    "noyabr",
    "dekabr",
]


def test_uzbek_months_are_spelled_one_way_in_every_form():
    """The glossary's spelling ("sentabr", not "sentyabr") in the month names Django writes
    alone (F: the admin's calendars and date lists), inside a date (E) and abbreviated (N, b);
    and in the seed's own texts."""
    from django.utils.dates import MONTHS, MONTHS_3, MONTHS_ALT, MONTHS_AP

    from samsmu_intl.operations import seed_content

    with translation.override("uz"):
        assert [str(MONTHS[n]).lower() for n in range(1, 13)] == UZBEK_MONTHS
        assert [str(MONTHS_ALT[n]) for n in range(1, 13)] == UZBEK_MONTHS
        for short in (MONTHS_3, MONTHS_AP):
            for n, month in enumerate(UZBEK_MONTHS, start=1):
                abbreviation = str(short[n]).lower()
                assert month.startswith(abbreviation.rstrip(".")) or abbreviation in {"iyn", "iyl"}
    seed = Path(seed_content.__file__).read_text()
    assert "sentyabr" not in seed
    assert "sentabr" in seed
