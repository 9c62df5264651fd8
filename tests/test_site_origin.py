"""Every absolute link the site makes has one origin (samsmu_intl.serving.origin.site_origin):
SITE_URL whenever it is set; else the host a page was asked for; else, in an email a command
sends (or anything else made without a request), the local server on PORT. Set SITE_URL and
every kind of link moves with it."""

import datetime
import io
import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def get(client, name, **kwargs):
    with translation.override("en"):
        return client.get(reverse(name, kwargs=kwargs or None))


@pytest.fixture
def webinar(make_event, make_registration):
    event = make_event("tomorrow", kind="webinar", starts_in=datetime.timedelta(hours=20))
    make_registration(event, email="guest@example.org")
    return event


def page_links(client, webinar):
    """{kind of link: its origin} for the links pages, feeds and calendars make."""
    html = get(client, "events:detail", slug=webinar.slug).content.decode()
    [event_data] = [
        data
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        if (data := json.loads(block)).get("@type") == "Event"
    ]
    feed = ET.fromstring(get(client, "events:feed").content)
    [entry] = feed.findall(f"{ATOM}entry")
    [vevent] = Calendar.from_ical(get(client, "events:ics", slug=webinar.slug).content).walk(
        "VEVENT"
    )
    sitemap = ET.fromstring(client.get(reverse("sitemap")).content)
    robots = client.get(reverse("robots-txt")).content.decode()
    return {
        "canonical": origin(re.search(r'<link rel="canonical" href="([^"]+)"', html)[1]),
        "hreflang": origin(
            re.search(r'<link rel="alternate" hreflang="uz" href="([^"]+)"', html)[1]
        ),
        "og:url": origin(re.search(r'<meta property="og:url" content="([^"]+)"', html)[1]),
        "JSON-LD": origin(event_data["url"]),
        "sitemap": origin(sitemap.find(f"{SITEMAP}url/{SITEMAP}loc").text),
        "robots": origin(re.search(r"Sitemap: (\S+)", robots)[1]),
        "feed": origin(entry.find(f"{ATOM}link").get("href")),
        "feed id": "//" + re.match(r"tag:([^,]+),", entry.find(f"{ATOM}id").text)[1],
        "calendar": origin(str(vevent["URL"])),
        "calendar UID": "//" + str(vevent["UID"]).split("@", 1)[1],
    }


def command_email_links(admin_user):
    """{kind of link: its origin} in the emails the scheduled commands send."""
    call_command("send_event_reminders", stdout=io.StringIO())
    call_command("send_editorial_digest", stdout=io.StringIO())
    reminder, digest = mail.outbox[-2:]
    return {
        "reminder email": origin(re.search(r"https?://\S+/events/tomorrow/", reminder.body)[0]),
        "digest email": origin(re.search(r"https?://\S+/admin/", digest.body)[0]),
    }


def host_only(links, origin):
    """The same links with the identifiers (which name a host alone) compared by that host."""
    host = "//" + urlsplit(origin).hostname
    return {kind: host if kind in ("feed id", "calendar UID") else origin for kind in links}


@pytest.mark.parametrize("site_url", ["https://intl.example.uz", "http://sammu.test:8443"])
def test_every_absolute_link_follows_site_url(client, settings, webinar, admin_user, site_url):
    settings.SITE_URL = site_url
    settings.INQUIRY_RECIPIENTS = ["staff@sammu.uz"]
    links = page_links(client, webinar) | command_email_links(admin_user)
    with translation.override("en"):
        client.post(
            reverse("department:contact"),
            {
                "name": "Maria Ivanova",
                "email": "maria@example.org",
                "country": "KZ",
                "topic": "admission",
                "message": "How do I apply?",
                "consent": "on",
                "website": "",
            },
        )
    # The sender's acknowledgement goes out too; the staff's message links to the admin.
    [inquiry_email] = [m.body for m in mail.outbox if m.to == ["staff@sammu.uz"]]
    links["inquiry email"] = origin(re.search(r"https?://\S+/admin/\S+", inquiry_email)[0])
    assert links == host_only(links, site_url)


def test_without_site_url_pages_use_their_host_and_commands_the_local_port(
    client, settings, monkeypatch, webinar, admin_user
):
    settings.SITE_URL = ""
    monkeypatch.setenv("PORT", "8123")
    links = page_links(client, webinar)
    # A calendar UID is made without the request, so that an email's attachment and the
    # download name the event alike: like a command's email, it takes the local server's host.
    without_request = command_email_links(admin_user) | {"calendar UID": links.pop("calendar UID")}
    assert links == host_only(links, "http://testserver")
    assert without_request == host_only(without_request, "http://127.0.0.1:8123")
