import datetime
import io
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from tests.public_pages import language_paths

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def get(client, name, language="en", **kwargs):
    with translation.override(language):
        return client.get(reverse(name, kwargs=kwargs or None))


def json_ld(html):
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


def meta(html, prop):
    found = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)">', html)
    return found and found.group(1)


@pytest.fixture
def site_content(public_site, make_partner, make_program, make_event):
    make_partner("hidden-partner", status="draft")
    make_program("open-program", title_en="Open Program")
    make_event("hidden-event", status="draft")


def test_sitemap_lists_every_published_page_in_every_language(client, site_content, settings):
    settings.SITE_URL = "https://intl.example.uz"
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = {url.find(f"{SITEMAP}loc").text: url for url in root.findall(f"{SITEMAP}url")}
    for language in ("uz", "ru", "en"):
        for path in (
            "/",
            "/team/",
            "/contact/",
            "/partners/",
            "/partners/map/",
            "/programs/",
            "/events/",
            "/partners/yeditepe-university/",
            "/programs/open-program/",
            "/events/forum-yeditepe-university-2024/",
        ):
            assert f"https://intl.example.uz/{language}{path}" in urls
    assert not any("hidden" in loc for loc in urls)
    entry = urls["https://intl.example.uz/ru/partners/yeditepe-university/"]
    alternates = {link.get("hreflang"): link.get("href") for link in entry.findall(f"{XHTML}link")}
    assert alternates["uz"] == "https://intl.example.uz/uz/partners/yeditepe-university/"
    assert alternates["en"] == "https://intl.example.uz/en/partners/yeditepe-university/"
    assert "x-default" in alternates
    from partners.models import Partner

    # The date of the last change in the site's time zone: from 19:00 UTC that is tomorrow's.
    updated = Partner.objects.get(slug="yeditepe-university").updated_at
    assert entry.find(f"{SITEMAP}lastmod").text == timezone.localdate(updated).isoformat()


def test_pages_of_several_items_give_the_newest_change_of_what_they_show(
    client, site_content, settings
):
    import datetime

    from django.utils import timezone

    from events.models import Event
    from partners.models import Partner
    from samsmu_intl.department.models import Department, StaffMember

    settings.SITE_URL = "https://intl.example.uz"
    long_ago = timezone.now() - datetime.timedelta(days=40)
    for model in (Partner, Event, StaffMember, Department):
        model.objects.update(updated_at=long_ago)
    Partner.objects.update(published_at=long_ago)
    Event.objects.update(published_at=long_ago)
    StaffMember.objects.update(published_at=long_ago)
    from samsmu_intl.department.models import LandingSection

    LandingSection.objects.update(updated_at=long_ago, published_at=long_ago)
    member = StaffMember.objects.published().first()
    member.position_en = "Head of the department"
    member.save()  # the team page changed today; the lists did not

    root = ET.fromstring(client.get("/sitemap.xml").content)
    lastmod = {
        url.find(f"{SITEMAP}loc").text: url.find(f"{SITEMAP}lastmod")
        for url in root.findall(f"{SITEMAP}url")
    }
    site = "https://intl.example.uz/en"
    for path in ("/", "/team/", "/contact/", "/partners/", "/partners/map/", "/events/"):
        assert lastmod[site + path] is not None, f"{path} has no lastmod"

    def day(path):
        return lastmod[site + path].text[:10]

    assert day("/team/") == timezone.localtime(member.updated_at).date().isoformat()
    for path in ("/partners/", "/events/", "/contact/", "/"):
        assert day(path) == timezone.localtime(long_ago).date().isoformat(), path


def test_robots_points_to_the_sitemap_and_keeps_admin_out(client, db, settings):
    settings.SITE_URL = "https://intl.example.uz"
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: https://intl.example.uz/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def test_titles_and_descriptions_are_unique_per_page_and_language(client, site_content):
    seen_titles, seen_descriptions = {}, {}
    for _language, url in language_paths():
        html = client.get(url).content.decode()
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        description = meta(html, "description")
        assert description, url
        assert title not in seen_titles, (url, seen_titles.get(title))
        seen_titles[title] = url
        seen_descriptions.setdefault(description, url)
    assert len(seen_descriptions) >= len(seen_titles) - 3  # list pages may share a summary


def test_open_graph_and_twitter_tags(client, site_content):
    html = get(client, "partners:detail", "ru", slug="yeditepe-university").content.decode()
    assert meta(html, "og:title") == "Университет Едитепе"
    assert meta(html, "og:url") == "http://testserver/ru/partners/yeditepe-university/"
    assert meta(html, "og:locale") == "ru_RU"
    assert meta(html, "og:image") == "http://testserver/static/img/og-default.png"
    assert meta(html, "twitter:card") == "summary_large_image"


def test_event_cover_becomes_the_sharing_image(client, make_event):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 630), "teal").save(buffer, "JPEG")
    event = make_event("with-cover", cover_alt_en="Delegates in the main hall")
    event.cover.save("cover.jpg", SimpleUploadedFile("cover.jpg", buffer.getvalue()))
    html = get(client, "events:detail", slug="with-cover").content.decode()
    assert meta(html, "og:image").startswith("http://testserver/media/events/covers/cover")
    assert meta(html, "og:image:alt") == "Delegates in the main hall"
    assert meta(html, "og:type") == "article"


def test_landing_page_describes_the_university(client, seeded):
    [data] = json_ld(get(client, "department:landing", "uz").content.decode())
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CollegeOrUniversity"
    assert data["name"] == "Samarqand davlat tibbiyot universiteti"
    assert data["url"] == "http://testserver/uz/"
    assert data["department"]["name"] == "Xalqaro hamkorlik boʻlimi"


def test_event_page_describes_the_event(client, seeded, make_event):
    start = timezone.make_aware(datetime.datetime(2031, 5, 20, 10, 0))
    make_event(
        "online-seminar",
        kind="webinar",
        is_online=True,
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1, minutes=30),
        title_en="Online seminar on nursing",
    )
    make_event("visit", kind="delegation", city_en="Samarkand", country="UZ", venue_en="Main hall")
    blocks = json_ld(get(client, "events:detail", slug="online-seminar").content.decode())
    event = next(b for b in blocks if b["@type"] == "Event")
    assert event["name"] == "Online seminar on nursing"
    assert event["startDate"] == "2031-05-20T10:00:00+05:00"
    assert event["endDate"] == "2031-05-20T11:30:00+05:00"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"]["@type"] == "VirtualLocation"
    assert event["organizer"]["@type"] == "CollegeOrUniversity"
    visit = next(
        b
        for b in json_ld(get(client, "events:detail", slug="visit").content.decode())
        if b["@type"] == "Event"
    )
    assert visit["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert visit["location"]["name"] == "Main hall"
    assert visit["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Samarkand",
        "addressCountry": "UZ",
    }


@pytest.mark.parametrize(
    ("name", "kwargs", "trail"),
    [
        (
            "partners:detail",
            {"slug": "yeditepe-university"},
            ["Home", "Partners", "Yeditepe University"],
        ),
        (
            "events:detail",
            {"slug": "forum-yeditepe-university-2024"},
            ["Home", "Events", "Forum at Yeditepe University"],
        ),
    ],
)
def test_detail_pages_carry_a_breadcrumb_list(client, seeded, name, kwargs, trail):
    html = get(client, name, **kwargs).content.decode()
    [crumbs] = [b for b in json_ld(html) if b["@type"] == "BreadcrumbList"]
    items = crumbs["itemListElement"]
    assert [item["name"] for item in items] == trail
    assert [item["position"] for item in items] == [1, 2, 3]
    with translation.override("en"):
        assert items[-1]["item"] == "http://testserver" + reverse(name, kwargs=kwargs)
    assert '<li aria-current="page">' + trail[-1] + "</li>" in html


def test_json_ld_cannot_be_broken_out_of(client, make_event):
    make_event("tricky", title_en="</script><script>alert(1)</script>")
    html = get(client, "events:detail", slug="tricky").content.decode()
    assert "<script>alert(1)" not in html
    assert any(b.get("name") == "</script><script>alert(1)</script>" for b in json_ld(html))


def test_cover_and_photos_come_as_webp_renditions_made_once(client, make_event, settings):
    from pathlib import Path

    from events.models import EventPhoto

    buffer = io.BytesIO()
    Image.new("RGB", (2000, 1000), "olive").save(buffer, "JPEG")
    event = make_event("gallery", cover_alt_en="The hall")
    event.cover.save("hall.jpg", SimpleUploadedFile("hall.jpg", buffer.getvalue()))
    photo = EventPhoto(event=event, alt_en="Delegates", caption_en="Signing the memorandum")
    photo.image.save("photo.jpg", SimpleUploadedFile("photo.jpg", buffer.getvalue()))

    renditions = sorted(Path(settings.MEDIA_ROOT, "renditions").rglob("*.webp"))
    widths = sorted(Image.open(path).size[0] for path in renditions)
    assert widths == [480, 480, 960, 960, 1600]  # made on save, before any page asks

    html = get(client, "events:detail", slug="gallery").content.decode()
    cover = re.search(r'<img class="event-cover"[^>]+>', html).group(0)
    assert 'width="2000" height="1000"' in cover
    assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 960w, [^"]+\.webp 1600w"', cover)
    assert 'alt="The hall"' in cover
    gallery = html.split('class="gallery"')[1]
    assert 'loading="lazy"' in gallery and "Signing the memorandum" in gallery
    assert 'alt="Delegates"' in gallery
