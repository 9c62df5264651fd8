import pytest
from django.urls import reverse
from django.utils import timezone, translation

from samsmu_intl.department.models import Department, LandingSection


def landing(client, language):
    with translation.override(language):
        return client.get(reverse("department:landing"))


@pytest.mark.parametrize(
    ("language", "heading", "sentence", "partner"),
    [
        (
            "uz",
            "Xalqaro hamkorlik",
            "Boʻlim xodimlari onlayn seminarlar va vebinarlar tashkil etadi.",
            "Yeditepe universitetida (Istanbul, Turkiya)",
        ),
        (
            "ru",
            "Международное сотрудничество",
            "Сотрудники отдела организуют онлайн-семинары и вебинары.",
            "Университете Едитепе (Стамбул, Турция)",
        ),
        (
            "en",
            "International cooperation",
            "The staff of the department organize online seminars and webinars.",
            "Yeditepe University (Istanbul, Türkiye)",
        ),
    ],
)
def test_seeded_landing_page_reads_in_each_language(
    client, seeded, language, heading, sentence, partner
):
    response = landing(client, language)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{heading}</h1>" in html
    assert sentence in html
    assert partner in html
    assert html.count("<h1") == 1


def test_the_university_is_samarkand_never_samara(client, seeded):
    html = landing(client, "en").content.decode()
    assert "Samarkand State Medical University" in html
    assert "Samara " not in html


def test_missing_translation_falls_back_and_is_marked(client, seeded):
    section = LandingSection.objects.get(heading_en="Visitors from abroad")
    section.heading_en = ""
    section.body_en = ""
    section.save()

    html = landing(client, "en").content.decode()

    # English falls back to Russian first, marked as Russian text.
    assert f'<h2 id="section-{section.pk}" lang="ru">Зарубежные гости</h2>' in html
    assert '<div lang="ru"><p>С каждым годом растёт число' in html
    assert "This text is not yet available in your language; it is shown in Russian." in html


def test_fallback_skips_to_the_last_language_when_two_are_missing(client, seeded):
    page = Department.load()
    page.title_ru = ""
    page.title_en = ""
    page.save()

    html = landing(client, "ru").content.decode()

    assert '<h1 lang="uz">Xalqaro hamkorlik</h1>' in html


def test_text_in_the_pages_language_carries_no_extra_lang(client, seeded):
    html = landing(client, "ru").content.decode()
    assert "<h1>Международное сотрудничество</h1>" in html
    assert 'lang="uz"' not in html.split("<main")[1].split("</main>")[0]


def test_draft_and_scheduled_sections_stay_hidden(client, seeded):
    draft = LandingSection.objects.create(
        department=Department.load(), heading_en="Draft news", body_en="Not yet."
    )
    scheduled = LandingSection.objects.create(
        department=Department.load(),
        heading_en="Scheduled news",
        body_en="Later.",
        status=LandingSection.Status.PUBLISHED,
        publish_from=timezone.now() + timezone.timedelta(days=1),
    )
    html = landing(client, "en").content.decode()
    assert draft.heading_en not in html
    assert scheduled.heading_en not in html

    scheduled.publish_from = timezone.now() - timezone.timedelta(minutes=1)
    scheduled.save()
    assert scheduled.heading_en in landing(client, "en").content.decode()


def test_sections_follow_the_order_staff_give_them(client, seeded):
    last = LandingSection.objects.get(heading_en="Partners")
    last.order = 999
    last.save()
    html = landing(client, "en").content.decode()
    assert html.index("Conferences and forums") < html.index(">Partners</h2>")


def test_empty_site_still_shows_a_page(client, db):
    response = landing(client, "uz")
    assert response.status_code == 200
    assert "<h1>" in response.content.decode()


def test_landing_page_query_count_is_fixed(client, seeded, django_assert_num_queries):
    for number in range(30):
        LandingSection.objects.create(
            department=Department.load(),
            heading_en=f"Section {number}",
            body_en="Text.",
            status=LandingSection.Status.PUBLISHED,
        )
    # The department row (heading and footer), the published sections, the partner figures,
    # the next events, the latest mobility news and the latest news articles.
    with django_assert_num_queries(6):
        landing(client, "en")
