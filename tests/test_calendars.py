import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

ATOM = "{http://www.w3.org/2005/Atom}"


def get(client, name, language="en", params=None, **kwargs):
    with translation.override(language):
        return client.get(reverse(name, kwargs=kwargs or None), params or {})


@pytest.fixture
def events(make_event):
    start = timezone.make_aware(datetime.datetime(2031, 3, 5, 14, 0))
    webinar = make_event(
        "ai-in-radiology",
        kind="webinar",
        title_en="AI in radiology",
        title_ru="ИИ в радиологии",
        title_uz="Radiologiyada sunʼiy intellekt",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        is_online=True,
    )
    conference = make_event("congress", kind="conference", city_en="Samarkand", country="UZ")
    make_event("old", kind="webinar", starts_in=-datetime.timedelta(days=30), title_en="Old")
    return webinar, conference


def test_one_event_as_ics_parses_back(client, events, settings):
    settings.SITE_URL = "https://intl.example.uz"
    response = get(client, "events:ics", "ru", slug="ai-in-radiology")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert str(calendar["VERSION"]) == "2.0"
    assert calendar["PRODID"]
    [vevent] = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "ИИ в радиологии"
    assert vevent.decoded("DTSTART") == timezone.make_aware(datetime.datetime(2031, 3, 5, 14, 0))
    assert vevent.decoded("DTSTART").utcoffset() is not None
    assert str(vevent["URL"]) == "https://intl.example.uz/ru/events/ai-in-radiology/"
    assert str(vevent["UID"]) == f"event-{events[0].pk}@intl.example.uz"
    assert "DTSTAMP" in vevent


def test_uid_is_stable_across_languages_and_edits(client, events):
    uid_en = Calendar.from_ical(get(client, "events:ics", "en", slug="ai-in-radiology").content)
    events[0].title_en = "Renamed"
    events[0].save()
    uid_uz = Calendar.from_ical(get(client, "events:ics", "uz", slug="ai-in-radiology").content)
    assert uid_en.walk("VEVENT")[0]["UID"] == uid_uz.walk("VEVENT")[0]["UID"]


def test_calendar_feed_has_upcoming_events_and_one_per_kind(client, events):
    everything = Calendar.from_ical(get(client, "events:calendar").content)
    assert sorted(str(e["SUMMARY"]) for e in everything.walk("VEVENT")) == [
        "AI in radiology",
        "Congress",
    ]
    webinars = Calendar.from_ical(
        get(client, "events:calendar", params={"kind": "webinar"}).content
    )
    assert [str(e["SUMMARY"]) for e in webinars.walk("VEVENT")] == ["AI in radiology"]
    assert "Webinar" in str(webinars["X-WR-CALNAME"])


def test_calendar_feed_refuses_unknown_kinds(client, events):
    assert get(client, "events:calendar", params={"kind": "party"}).status_code == 404


def test_month_only_event_becomes_a_month_long_all_day_entry(client, seeded):
    calendar = Calendar.from_ical(
        get(client, "events:ics", slug="forum-yeditepe-university-2024").content
    )
    [vevent] = calendar.walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime.date(2024, 9, 1)
    assert vevent.decoded("DTEND") == datetime.date(2024, 10, 1)


def test_atom_feed_is_valid_and_absolute(client, events, settings):
    settings.SITE_URL = "https://intl.example.uz"
    response = get(client, "events:feed", "uz")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}id").text
    assert feed.find(f"{ATOM}updated").text
    assert feed.find(f"{ATOM}author/{ATOM}name").text
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    titles = [entry.find(f"{ATOM}title").text for entry in entries]
    assert "Radiologiyada sunʼiy intellekt" in titles
    for entry in entries:
        assert entry.find(f"{ATOM}id").text.startswith("tag:intl.example.uz,")
        assert entry.find(f"{ATOM}updated").text
        assert (
            entry.find(f"{ATOM}link").get("href").startswith("https://intl.example.uz/uz/events/")
        )


def test_atom_feed_holds_the_latest_twenty(client, make_event):
    for number in range(25):
        make_event(f"e{number}", starts_in=datetime.timedelta(days=number))
    feed = ET.fromstring(get(client, "events:feed").content)
    assert len(feed.findall(f"{ATOM}entry")) == 20


def test_feed_dates_are_when_staff_published_and_changed_never_the_future(client, events):
    from django.utils.http import parse_http_date

    response = get(client, "events:feed")
    feed = ET.fromstring(response.content)
    now = timezone.now()
    for entry in feed.findall(f"{ATOM}entry"):
        published = datetime.datetime.fromisoformat(entry.find(f"{ATOM}published").text)
        updated = datetime.datetime.fromisoformat(entry.find(f"{ATOM}updated").text)
        assert published <= updated <= now + datetime.timedelta(seconds=1)
    assert datetime.datetime.fromisoformat(feed.find(f"{ATOM}updated").text) <= now
    assert parse_http_date(response["Last-Modified"]) <= now.timestamp()


def test_an_edited_event_makes_the_next_conditional_request_a_200(client, events):
    """Before, Last-Modified was the newest start date: an edit did not move it, and a reader
    asking If-Modified-Since was told 304 and never saw the change."""
    from events.models import Event

    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    Event.objects.update(updated_at=an_hour_ago, published_at=an_hour_ago)
    first = get(client, "events:feed")
    unchanged = client.get(first.wsgi_request.path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert unchanged.status_code == 304

    congress = Event.objects.get(slug="congress")
    congress.title_en = "Congress, with a new programme"
    congress.save()
    after_edit = client.get(first.wsgi_request.path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert after_edit.status_code == 200
    assert b"Congress, with a new programme" in after_edit.content


@pytest.mark.parametrize("name", ["events:calendar", "events:list"])
def test_an_edit_makes_the_next_conditional_request_for_a_cached_page_a_200(client, events, name):
    from events.models import Event

    first = get(client, name)
    path = first.wsgi_request.get_full_path()
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304  # cached
    congress = Event.objects.get(slug="congress")
    congress.title_en = "Congress, renamed"
    congress.save()
    assert client.get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200
