"""An event's dates are written by one rule (Event.span(), Event.when()) in its four views: the
page and its cards, the emails, the iCalendar files and the JSON-LD. Each test here looks at all
four, so a view that wrote the dates its own way again would fail it."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from events.emails import send_confirmation
from tests.test_seo import json_ld

TASHKENT = datetime.timezone(datetime.timedelta(hours=5))


def at(*parts):
    return datetime.datetime(*parts, tzinfo=TASHKENT)


# The same three events in every test: one known only to the month, one to the days, one to
# the minute. Each with what its four views must say.
EVENTS = {
    "month": {
        "fields": {"starts_at": at(2025, 4, 14, 10), "ends_at": at(2025, 4, 16, 12)},
        "page": {"uz": "2025-yil aprel", "ru": "Апрель 2025 г.", "en": "April 2025"},
        "datetime": ["2025-04"],
        "ics": (datetime.date(2025, 4, 1), datetime.date(2025, 5, 1)),
        "json_ld": ("2025-04-01", "2025-04-30"),
    },
    "day": {
        "fields": {"starts_at": at(2025, 11, 19, 9), "ends_at": at(2025, 11, 21, 18)},
        "page": {
            "uz": "2025-yil 19–21-noyabr",
            "ru": "19–21 ноября 2025 г.",
            "en": "Nov. 19–21, 2025",
        },
        "datetime": ["2025-11-19", "2025-11-21"],
        "ics": (datetime.date(2025, 11, 19), datetime.date(2025, 11, 22)),
        "json_ld": ("2025-11-19", "2025-11-21"),
    },
    "exact": {
        "fields": {"starts_at": at(2030, 3, 5, 14), "ends_at": at(2030, 3, 5, 15, 30)},
        "page": {
            "uz": "2030-yil 5-mart, 14:00 – 15:30 (Toshkent vaqti, UTC+5)",
            "ru": "5 марта 2030 г., 14:00 – 15:30 (по ташкентскому времени, UTC+5)",
            "en": "March 5, 2030, 14:00 – 15:30 (Tashkent time, UTC+5)",
        },
        "datetime": ["2030-03-05T14:00:00+0500", "2030-03-05T15:30:00+0500"],
        "ics": (at(2030, 3, 5, 14), at(2030, 3, 5, 15, 30)),
        "json_ld": ("2030-03-05T14:00:00+05:00", "2030-03-05T15:30:00+05:00"),
    },
}


@pytest.fixture(params=EVENTS)
def dated(request, make_event):
    expected = EVENTS[request.param]
    event = make_event(
        f"{request.param}-event",
        kind="seminar",
        date_precision=request.param,
        city_en="Samarkand",
        country="UZ",
        **expected["fields"],
    )
    return event, expected


def visible_text(html):
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def when_on_page(client, event, language):
    with translation.override(language):
        html = client.get(event.get_absolute_url()).content.decode()
    dd = re.search(r"<dt>[^<]+</dt>\s*<dd>(.*?)</dd>", html, re.S).group(1)
    return visible_text(dd), re.findall(r'<time datetime="([^"]+)">', dd)


def when_on_card(client, event, language):
    with translation.override(language):
        html = client.get(reverse("events:list")).content.decode()
    meta = re.search(r'<p class="card__meta"><span class="badge[^>]*>[^<]+</span> (.*?)</p>', html)
    return visible_text(meta.group(1))


def confirmation_email(event, make_registration, language):
    registration = make_registration(event, f"{language}@example.org", language=language)
    send_confirmation(registration)
    return mail.outbox[-1]


def json_ld_event(client, event):
    html = client.get(event.get_absolute_url()).content.decode()
    [data] = [data for data in json_ld(html) if data["@type"] == "Event"]
    return data


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_page_card_and_email_write_the_dates_alike(client, dated, make_registration, language):
    event, expected = dated
    text, machine = when_on_page(client, event, language)
    assert text == expected["page"][language]
    assert machine == expected["datetime"]
    assert when_on_card(client, event, language) == expected["page"][language]
    body = confirmation_email(event, make_registration, language).body
    assert expected["page"][language] in body.splitlines()


def test_calendar_file_and_email_attachment_span_what_the_page_says(
    client, dated, make_registration
):
    event, expected = dated
    with translation.override("en"):
        ics = client.get(reverse("events:ics", kwargs={"slug": event.slug})).content
    attachment = confirmation_email(event, make_registration, "en").attachments[0]
    for calendar in (ics, attachment[1]):
        [vevent] = Calendar.from_ical(calendar).walk("VEVENT")
        assert (vevent.decoded("DTSTART"), vevent.decoded("DTEND")) == expected["ics"]


def test_json_ld_gives_search_engines_full_dates(client, dated):
    event, expected = dated
    data = json_ld_event(client, event)
    assert (data["startDate"], data["endDate"]) == expected["json_ld"]


def test_month_only_email_no_longer_names_a_day(make_event, make_registration):
    """The email once wrote "14-aprel, 2025-yil" for an event known only to be in April."""
    event = make_event("april", date_precision="month", **EVENTS["month"]["fields"])
    body = confirmation_email(event, make_registration, "uz").body
    assert "2025-yil aprel" in body.splitlines()
    assert "14-aprel" not in body


def test_month_only_span_ends_on_the_months_last_day(make_event):
    february = make_event(
        "leap", date_precision="month", starts_at=at(2028, 2, 10), ends_at=at(2028, 2, 10)
    )
    assert february.span() == (datetime.date(2028, 2, 1), datetime.date(2028, 2, 29))


# What the ends of a range share is written once, in each language's order.
RANGES = [
    (
        (2025, 11, 28),
        (2025, 12, 2),
        {
            "uz": "2025-yil 28-noyabr – 2-dekabr",
            "ru": "28 ноября – 2 декабря 2025 г.",
            "en": "Nov. 28 – Dec. 2, 2025",
        },
    ),
    (
        (2025, 12, 30),
        (2026, 1, 2),
        {
            "uz": "2025-yil 30-dekabr – 2026-yil 2-yanvar",
            "ru": "30 декабря 2025 г. – 2 января 2026 г.",
            "en": "Dec. 30, 2025 – Jan. 2, 2026",
        },
    ),
    (
        (2025, 9, 3),
        (2025, 9, 3),
        {"uz": "2025-yil 3-sentabr", "ru": "3 сентября 2025 г.", "en": "Sept. 3, 2025"},
    ),
]


@pytest.mark.parametrize(("first", "last", "expected"), RANGES)
@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_day_ranges_write_the_shared_month_and_year_once(
    client, make_event, make_registration, first, last, expected, language
):
    event = make_event(
        "range", date_precision="day", starts_at=at(*first, 9), ends_at=at(*last, 18)
    )
    text, machine = when_on_page(client, event, language)
    assert text == expected[language]
    assert machine == sorted({datetime.date(*first).isoformat(), datetime.date(*last).isoformat()})
    body = confirmation_email(event, make_registration, language).body
    assert expected[language] in body.splitlines()


# One clock in every language: 24 hours, two digits, in pages and emails alike (Django's
# English once wrote "12:59 a.m." in the email next to "00:59" on the page).
LATE = {
    "uz": "2030-yil 5-mart, 00:59 – 02:00 (Toshkent vaqti, UTC+5)",
    "ru": "5 марта 2030 г., 00:59 – 02:00 (по ташкентскому времени, UTC+5)",
    "en": "March 5, 2030, 00:59 – 02:00 (Tashkent time, UTC+5)",
}


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_a_minute_to_one_is_00_59_on_the_page_and_in_the_email(
    client, make_event, make_registration, language
):
    event = make_event(
        "night-webinar",
        kind="webinar",
        starts_at=at(2030, 3, 5, 0, 59),
        ends_at=at(2030, 3, 5, 2),
        registration_deadline=at(2030, 3, 5, 0, 59),
    )
    text, _machine = when_on_page(client, event, language)
    assert text == LATE[language]
    with translation.override(language):
        page = visible_text(client.get(event.get_absolute_url()).content.decode())
    assert "00:59" in page
    assert not re.search(r"a\.m\.|p\.m\.|\b0:59", page)
    email = confirmation_email(event, make_registration, language)
    assert LATE[language] in email.body.splitlines()
    assert not re.search(r"a\.m\.|p\.m\.|\b0:59", email.body)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("uz", "2030-yil 5-mart, 00:59"),
        ("ru", "5 марта 2030 г., 00:59"),
        ("en", "March 5, 2030, 00:59"),
    ],
)
def test_times_in_the_admin_use_the_same_clock(admin_client, make_event, language, expected):
    from django.utils.formats import date_format

    make_event("admin-night", title_en="Night", starts_at=at(2030, 3, 5, 0, 59))
    admin_client.cookies["django_language"] = language
    html = admin_client.get(reverse("admin:events_event_changelist")).content.decode()
    with translation.override(language):
        assert date_format(at(2030, 3, 5, 0, 59), "DATETIME_FORMAT") == expected
    assert expected in visible_text(html)


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_the_admins_time_widget_offers_the_24_hour_clock(admin_client, language):
    admin_client.cookies["django_language"] = language
    catalogue = admin_client.get(reverse("admin:jsi18n")).content.decode()
    assert '"6 a.m.": "06:00"' in catalogue
    assert '"6 p.m.": "18:00"' in catalogue


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_the_time_filter_and_short_formats_keep_24_hours(language):
    from django.template import Context, Template

    moment = at(2030, 3, 5, 0, 59)
    template = Template('{{ moment|time }} {{ moment|date:"SHORT_DATETIME_FORMAT" }}')
    with translation.override(language):
        written = template.render(Context({"moment": moment}))
    assert written.startswith("00:59 ")
    assert written.endswith(" 00:59")
