"""The admin's lists fit a 1280 px window in every language: no column hides behind a
horizontal scroll bar (the translations and publication columns sat there in Russian)."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.conftest import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHANGELISTS = (
    "/admin/partners/partner/",
    "/admin/partners/program/",
    "/admin/events/event/",
    "/admin/events/registration/",
    "/admin/department/staffmember/",
    "/admin/department/inquiry/",
)


def test_changelists_fit_a_1280_px_window(
    page, live_server, editor, make_partner, make_program, make_event, make_registration
):
    from partners.models import Agreement

    partner = make_partner(
        "azerbaijan-medical-university",
        country="AZ",
        name_uz="Ozarbayjon tibbiyot universiteti",
        name_ru="Азербайджанский медицинский университет",
        name_en="Azerbaijan Medical University",
        kind="medical-university",
    )
    Agreement.objects.create(
        partner=partner,
        kind="memorandum",
        signed_on="2024-01-01",
        valid_until=timezone.localdate() + datetime.timedelta(days=30),
        status="published",
    )
    make_program("double-diploma", partners=[partner], title_ru="Программа двойного диплома")
    event = make_event(
        "conference-in-baku",
        capacity=30,
        title_ru="Конференция в Азербайджанском медицинском университете",
        city_ru="Баку",
        country="AZ",
        publish_from=timezone.now() + datetime.timedelta(days=3),
    )
    make_registration(event, "first@example.org", name="Dilnoza Rahimova")
    make_registration(event, "second@example.org", status="waiting")
    from samsmu_intl.department.models import Inquiry, StaffMember

    StaffMember.objects.create(
        slug="rahimova",
        name_uz="Dilnoza Rahimova",
        position_uz="Xalqaro hamkorlik boʻlimi boshligʻi",
        position_ru="Начальник отдела международного сотрудничества",
        position_en="Head of the International Cooperation Department",
        email="dilnoza.rahimova@sammu.uz",
        status="published",
    )
    Inquiry.objects.create(
        name="Dilnoza Rahimova",
        email="dilnoza.rahimova@example.org",
        country="UZ",
        topic=Inquiry.Topic.choices[0][0],
        message="Qoʻshma dastur haqida maʼlumot bera olasizmi?",
        consent=True,
        language="uz",
    )
    staff = Client()
    staff.force_login(editor)
    session = staff.cookies[settings.SESSION_COOKIE_NAME].value
    page.set_viewport_size({"width": 1280, "height": 900})
    cookies = [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    for language in LANGUAGES:
        language_cookie = {"name": "django_language", "value": language, "url": live_server.url}
        page.context.add_cookies([*cookies, language_cookie])
        for path in CHANGELISTS:
            page.goto(live_server.url + path)
            widths = page.evaluate(
                "(() => { const r = document.querySelector('.results');"
                " return r && [r.scrollWidth, r.clientWidth, document.documentElement.scrollWidth];"
                " })()"
            )
            assert widths, f"{language} {path}: no list on the page ({page.title()})"
            table, visible, document = widths
            assert table <= visible, f"{language} {path}: the list is {table} px in {visible} px"
            assert document <= 1280, f"{language} {path}: the page scrolls sideways"
