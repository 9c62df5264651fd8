"""What search engines and link previews are told: JSON-LD without empty values, and sharing
tags that describe the picture actually sent."""

import datetime
import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from samsmu_intl.department.models import Department
from samsmu_intl.seo.structured_data import without_empty
from tests.public_pages import PUBLIC_PAGES
from tests.test_seo import json_ld, meta

DEFAULT_PICTURE_ALT = {
    "uz": "Koʻk fonda sariq tibbiy xoch tushirilgan oq globus",
    "ru": "Белый глобус с жёлтым медицинским крестом на синем фоне",
    "en": "A white globe with a yellow medical cross on blue",
}


def page(client, path_name, language="en", **kwargs):
    with translation.override(language):
        return client.get(reverse(path_name, kwargs=kwargs or None)).content.decode()


def empty_values(data, path="$"):
    """Where in the data a value is written empty."""
    if isinstance(data, dict):
        if not [key for key in data if not key.startswith("@")]:
            yield path
        for key, value in data.items():
            yield from empty_values(value, f"{path}.{key}")
    elif isinstance(data, list):
        if not data:
            yield path
        for index, value in enumerate(data):
            yield from empty_values(value, f"{path}[{index}]")
    elif data is None or (isinstance(data, str) and not data.strip()):
        yield path


def test_without_empty_drops_empty_values_at_every_depth():
    data = {
        "@type": "Event",
        "name": "Forum",
        "description": "",
        "image": [],
        "sameAs": ["", None],
        "location": {"@type": "Place", "name": " ", "address": {"@type": "PostalAddress"}},
        "organizer": {"@type": "Organization", "name": "SamSMU", "email": None},
        "maximumAttendeeCapacity": 0,
    }
    assert without_empty(data) == {
        "@type": "Event",
        "name": "Forum",
        "organizer": {"@type": "Organization", "name": "SamSMU"},
        "maximumAttendeeCapacity": 0,
    }


def test_event_without_city_venue_or_country_writes_no_empty_property(client, make_event):
    start = timezone.make_aware(datetime.datetime(2031, 5, 20, 10, 0))
    make_event("somewhere", starts_at=start, summary_en="", title_en="Somewhere")
    [event] = [
        data
        for data in json_ld(page(client, "events:detail", slug="somewhere"))
        if data["@type"] == "Event"
    ]
    assert list(empty_values(event)) == []
    assert "location" not in event and "description" not in event
    assert event["name"] == "Somewhere"


def test_event_with_a_country_only_names_the_country(client, make_event):
    make_event("in-turkey", country="TR")
    [event] = [
        data
        for data in json_ld(page(client, "events:detail", slug="in-turkey"))
        if data["@type"] == "Event"
    ]
    assert event["location"] == {
        "@type": "Place",
        "name": "Türkiye",
        "address": {"@type": "PostalAddress", "addressCountry": "TR"},
    }


def test_university_without_contact_details_writes_no_empty_property(client, db):
    assert not Department.objects.exists()  # no address, email, phone or website yet
    [university] = json_ld(page(client, "department:landing"))
    assert university["@type"] == "CollegeOrUniversity"
    assert list(empty_values(university)) == []
    assert "address" not in university and "sameAs" not in university


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_partner_without_logo_describes_the_default_picture(client, make_partner, language):
    make_partner("no-logo", name_en="Charité", name_ru="Шарите", name_uz="Charite")
    html = page(client, "partners:detail", language, slug="no-logo")
    assert meta(html, "og:image").endswith("/static/img/og-default.png")
    assert meta(html, "og:image:alt") == DEFAULT_PICTURE_ALT[language]
    assert "Charit" not in meta(html, "og:image:alt")


def test_event_with_a_description_but_no_cover_describes_the_default_picture(client, make_event):
    """The cover's description is kept when the cover is removed; it must not outlive it."""
    make_event("cover-removed", cover_alt_en="Delegates in the main hall")
    html = page(client, "events:detail", slug="cover-removed")
    assert meta(html, "og:image").endswith("/static/img/og-default.png")
    assert meta(html, "og:image:alt") == DEFAULT_PICTURE_ALT["en"]


def test_partner_logo_is_sent_with_its_description(client, make_partner):
    buffer = io.BytesIO()
    Image.new("RGB", (300, 300), "teal").save(buffer, "PNG")
    partner = make_partner("with-logo", name_en="Charité")
    partner.logo.save("logo.png", SimpleUploadedFile("logo.png", buffer.getvalue()))
    html = page(client, "partners:detail", slug="with-logo")
    assert meta(html, "og:image") == f"http://testserver{partner.logo.url}"
    assert meta(html, "og:image:alt") == "Logo of Charité"


@pytest.mark.parametrize("public_page", PUBLIC_PAGES, ids=str)
def test_sharing_tags_repeat_the_pages_own_title_and_description(client, public_site, public_page):
    """base.html writes each page's title and description once into <title>, the description
    and the Open Graph tags."""
    html = client.get(public_page.path("ru")).content.decode()
    title = re.search(r"<title>(.*?)</title>", html).group(1)
    description = re.search(r'<meta name="description" content="([^"]*)">', html).group(1)
    site_name = meta(html, "og:site_name")
    assert title in (meta(html, "og:title"), f"{meta(html, 'og:title')} · {site_name}")
    assert meta(html, "og:description") == description
    assert description and "  " not in description and "\n" not in description
