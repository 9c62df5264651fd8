"""The staff's journeys in a real headless Chromium: the admin as they use it, with its
translation tabs and file uploads, and the public site as visitors then see it."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image
from playwright.sync_api import expect

from tests.browser import log_in_to_admin

# Transactional: the live server reads what the test writes (see test_journeys.py).
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Samarqand-2026-xalqaro"


@pytest.fixture
def staff_page(page, live_server, django_user_model):
    """A staff member (a superuser made for the test) logged in through the admin's own form,
    reading the admin in English."""
    django_user_model.objects.create_superuser("dilnoza", "dilnoza@example.org", PASSWORD)
    log_in_to_admin(page, live_server, "dilnoza", PASSWORD)
    return page


def url(live_server, name, language=None, **kwargs):
    if language is None:
        return live_server.url + reverse(name, kwargs=kwargs or None)
    with translation.override(language):
        return live_server.url + reverse(name, kwargs=kwargs or None)


def fill_translations(page, field, texts):
    """Type each language's text in its tab of the field's tabbed group, clicking the tabs."""
    group = page.locator(".ui-tabs", has=page.locator(f"#id_{field}_uz"))
    for code, text in texts.items():
        group.get_by_role("tab", name=code, exact=True).click()
        box = page.locator(f"#id_{field}_{code}")
        expect(box).to_be_visible()
        box.fill(text)


def set_slug(page, slug):
    # Leaving the English name fills the slug from it (the admin's prepopulated field): the
    # field is focused first so that this happens before our own text goes in.
    field = page.get_by_label("Short address")
    field.click()
    field.fill(slug)
    expect(field).to_have_value(slug)


PARTNER_NAMES = {
    "uz": "Sharite universitet klinikasi",
    "ru": "Университетская клиника Шарите",
    "en": "Charité University Hospital",
}


def test_staff_add_a_partner_with_a_logo_and_find_it_in_every_language(
    staff_page, live_server, tmp_path, settings
):
    from partners.models import Partner

    settings.DEBUG = True  # Django serves the uploaded logo, as in local work (the proxy's job)

    logo = tmp_path / "charite-logo.png"
    Image.new("RGB", (120, 120), (11, 74, 125)).save(logo)

    page = staff_page
    page.goto(url(live_server, "admin:partners_partner_add"))
    fill_translations(page, "name", PARTNER_NAMES)
    set_slug(page, "charite")
    page.get_by_label("Kind").select_option("university")
    page.locator("#id_country").select_option("DE")
    page.locator("#id_logo").set_input_files(logo)
    page.get_by_label("Status").select_option("published")
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    partner = Partner.objects.get(slug="charite")
    assert partner.logo and partner.name_ru == PARTNER_NAMES["ru"]

    for language, name in PARTNER_NAMES.items():
        page.goto(url(live_server, "partners:list", language))
        card = page.locator(".partner-card", has_text=name)
        expect(card.get_by_role("link", name=name)).to_be_visible()
        logo_image = card.locator("img.partner-card__logo")
        expect(logo_image).to_be_visible()
        assert logo_image.evaluate("img => img.complete && img.naturalWidth > 0")
        card.get_by_role("link", name=name).click()
        expect(page.locator("h1")).to_have_text(name)


EVENT_TITLES = {
    "uz": "Toshkentda tibbiy taʼlim anjumani",
    "ru": "Конференция по медицинскому образованию",
    "en": "Medical education conference",
}


def public_view(browser, live_server):
    """A visitor's own browser: no staff session."""
    context = browser.new_context()
    return context, context.new_page()


def test_staff_preview_a_draft_event_then_schedule_it(staff_page, live_server, browser):
    from events.models import Event

    page = staff_page
    page.goto(url(live_server, "admin:events_event_add"))
    fill_translations(page, "title", EVENT_TITLES)
    fill_translations(page, "summary", {code: f"{t}." for code, t in EVENT_TITLES.items()})
    set_slug(page, "medical-education")
    page.get_by_label("Kind").select_option("conference")
    starts = timezone.localtime() + datetime.timedelta(days=30)
    page.locator("#id_starts_at_0").fill(starts.strftime("%Y-%m-%d"))
    page.locator("#id_starts_at_1").fill("10:00:00")
    page.locator("#id_ends_at_0").fill(starts.strftime("%Y-%m-%d"))
    page.locator("#id_ends_at_1").fill("17:00:00")
    expect(page.get_by_label("Status")).to_have_value("draft")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    event = Event.objects.get(slug="medical-education")
    assert event.status == Event.Status.DRAFT

    # The preview, in Russian, from the change page.
    page.get_by_role("link", name="Preview in Русский").click()
    expect(page).to_have_url(url(live_server, "events:preview", "ru", pk=event.pk))
    expect(page.locator("h1")).to_have_text(EVENT_TITLES["ru"])
    expect(page.locator(".preview-banner")).to_be_visible()
    expect(page.locator('meta[name="robots"]')).to_have_attribute("content", "noindex, nofollow")
    # Its language switcher keeps staff in the preview.
    page.get_by_role("navigation", name="Язык").get_by_role("link", name="English").click()
    expect(page.locator("h1")).to_have_text(EVENT_TITLES["en"])
    expect(page.locator(".preview-banner")).to_have_text(
        "Preview: not visible to visitors (draft)."
    )
    violations = [
        v["id"]
        for v in Axe().run(page).response["violations"]
        if {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"} & set(v["tags"])
    ]
    assert violations == []

    # Scheduled: published from tomorrow.
    page.goto(live_server.url + reverse("admin:events_event_change", args=[event.pk]))
    page.get_by_label("Status").select_option("published")
    tomorrow = timezone.localtime() + datetime.timedelta(days=1)
    page.locator("#id_publish_from_0").fill(tomorrow.strftime("%Y-%m-%d"))
    page.locator("#id_publish_from_1").fill("09:00:00")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    page.get_by_role("link", name="Preview in English").click()
    expect(page.locator(".preview-banner")).to_contain_text(
        "Preview: not visible to visitors (scheduled for"
    )

    context, visitor = public_view(browser, live_server)
    detail = url(live_server, "events:detail", "en", slug="medical-education")
    assert visitor.goto(detail).status == 404
    assert visitor.goto(url(live_server, "events:preview", "en", pk=event.pk)).status == 404
    visitor.goto(url(live_server, "events:list", "en"))
    expect(visitor.get_by_text(EVENT_TITLES["en"])).to_have_count(0)
    assert "medical-education" not in visitor.goto(live_server.url + "/sitemap.xml").text()
    assert "medical-education" not in visitor.goto(url(live_server, "events:feed", "en")).text()

    # Its time comes (no sleeping: the clock is moved in the database, and the page cache's
    # short lifetime, which covers what changes with the clock alone, has passed).
    Event.objects.filter(pk=event.pk).update(
        publish_from=timezone.now() - datetime.timedelta(minutes=1)
    )
    cache.clear()

    assert visitor.goto(detail).status == 200
    expect(visitor.locator("h1")).to_have_text(EVENT_TITLES["en"])
    expect(visitor.locator(".preview-banner")).to_have_count(0)
    visitor.goto(url(live_server, "events:list", "uz"))
    expect(visitor.get_by_role("link", name=EVENT_TITLES["uz"])).to_be_visible()
    assert "medical-education" in visitor.goto(live_server.url + "/sitemap.xml").text()
    assert "medical-education" in visitor.goto(url(live_server, "events:feed", "en")).text()
    context.close()
