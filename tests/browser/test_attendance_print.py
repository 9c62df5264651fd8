"""The attendance list as Chromium prints it: one A4 page per 30 names, each page headed with the
event's title and date, nothing of the admin around the list."""

import io

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_attendance_list_prints_30_names_to_an_a4_page(
    page, live_server, editor, make_event, make_registration
):
    event = make_event(
        "hepatology-seminar",
        kind="seminar",
        capacity=100,
        title_ru="Семинар по гепатологии в Самарканде",
    )
    for number in range(1, 62):
        make_registration(
            event,
            f"p{number}@example.org",
            name=f"Участник {number:02d} Гульнора Рахимова-Каримова",
            affiliation="Ташкентская медицинская академия, кафедра внутренних болезней",
            country="UZ",
            attendance="attended" if number % 3 else "",
        )
    staff = Client()
    staff.force_login(editor)
    session = staff.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [
            {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url},
            {"name": "django_language", "value": "ru", "url": live_server.url},
        ]
    )
    page.goto(live_server.url + reverse("admin:events_event_attendance", args=[event.pk]))
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))

    assert len(pdf.pages) == 3
    width, height = (float(side) for side in pdf.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    for number, sheet in enumerate(pdf.pages):
        text = " ".join(sheet.extract_text().split())
        assert "Семинар по гепатологии в Самарканде" in text, number
        assert f"Лист посещаемости · {number + 1} / 3" in text
        first, last = number * 30 + 1, min(number * 30 + 30, 61)
        assert f"Участник {first:02d}" in text and f"Участник {last:02d}" in text
        assert f"Участник {last + 1:02d}" not in text
        assert "ПОДПИСЬ" in text.upper()  # the column to sign
        assert "Главная" not in text  # the admin's breadcrumbs are not printed
