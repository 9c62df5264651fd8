"""Events as iCalendar (RFC 5545) with the icalendar library: one event, or a feed of them."""

import datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone, translation
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from samsmu_intl.content.languages import localized
from samsmu_intl.serving.origin import site_host

PRODUCT_ID = "-//Samarkand State Medical University//International Cooperation//EN"
# The confirmation's entry has none (0): a calendar app lets a higher one replace it.
CANCELLED_SEQUENCE = 1


def uid_for(event):
    """Stable across edits and languages: the primary key never changes."""
    return f"event-{event.pk}@{site_host()}"


def calendar_event(event, absolute_url):
    item = CalendarEvent()
    item.add("uid", uid_for(event))
    item.add("dtstamp", event.updated_at)
    item.add("last-modified", event.updated_at)
    item.add("summary", str(localized(event, "title")))
    item.add("description", f"{localized(event, 'summary')}\n\n{absolute_url}")
    item.add("url", absolute_url)
    first, last = event.span()
    if event.shows_time:
        # In UTC: a time in Tashkent's zone would need a VTIMEZONE block of its own.
        item.add("dtstart", first.astimezone(datetime.UTC))
        item.add("dtend", last.astimezone(datetime.UTC))
    else:
        # An all-day entry (only the day or the month is known) ends the day after its last.
        item.add("dtstart", first)
        item.add("dtend", last + datetime.timedelta(days=1))
    place = ", ".join(
        str(part)
        for part in (localized(event, "venue"), localized(event, "city"), event.country.name)
        if part
    )
    if event.is_online:
        place = translation.gettext("Online")
    if place:
        item.add("location", place)
    item.add("categories", [event.get_kind_display()])
    return item


def _calendar(name, method):
    feed = Calendar()
    feed.add("prodid", PRODUCT_ID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", method)
    feed.add("x-wr-calname", name)
    feed.add("x-wr-timezone", settings.TIME_ZONE)
    return feed


def calendar(events, name, absolute_url_for):
    """A VCALENDAR with one VEVENT per event; absolute_url_for(event) gives each event's link."""
    feed = _calendar(name, "PUBLISH")
    for event in events:
        feed.add_component(calendar_event(event, absolute_url_for(event)))
    return feed.to_ical()


def cancellation(event, name, absolute_url, attendee):
    """METHOD:CANCEL for one registrant (RFC 5546): the same UID as the entry their
    confirmation added, STATUS:CANCELLED and a higher SEQUENCE, so that calendar apps remove
    it."""
    feed = _calendar(name, "CANCEL")
    item = calendar_event(event, absolute_url)
    del item["DTSTAMP"]
    item.add("dtstamp", timezone.now())
    item.add("status", "CANCELLED")
    item.add("sequence", CANCELLED_SEQUENCE)
    item.add("organizer", f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
    item.add("attendee", f"mailto:{attendee}")
    feed.add_component(item)
    return feed.to_ical()
