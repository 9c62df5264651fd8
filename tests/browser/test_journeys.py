"""Journeys in a real headless Chromium against the live server."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}


@pytest.fixture
def site(live_server, transactional_db):
    from django.core.management import call_command

    call_command("load_seed", verbosity=0)
    return live_server.url


def page_url(site, name, language):
    with translation.override(language):
        return site + reverse(name)


def test_visitor_switches_language_and_stays_on_the_page(page, site):
    page.goto(page_url(site, "department:team", "en") + "?from=test")
    expect(page.locator("h1")).to_have_text("Team")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()

    expect(page).to_have_url(site + "/ru/team/?from=test")
    expect(page.locator("h1")).to_have_text("Сотрудники")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    # The choice is remembered: the bare address now opens the Russian site.
    page.goto(site + "/")
    expect(page).to_have_url(site + "/ru/")


def test_keyboard_user_skips_to_content_and_sees_focus(page, site):
    page.goto(page_url(site, "department:landing", "uz"))
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Asosiy mazmunga oʻtish")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    outline = skip.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline == "solid"
    page.keyboard.press("Enter")
    expect(page).to_have_url(page_url(site, "department:landing", "uz") + "#main")
    expect(page.locator("main")).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('header') === null"), "focus went back"


def test_menu_works_on_a_phone(page, site):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(page_url(site, "department:landing", "ru"))
    menu = page.get_by_role("navigation", name="Главное меню")
    menu.get_by_role("link", name="Сотрудники").click()
    expect(page.locator("h1")).to_have_text("Сотрудники")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "the page scrolls sideways on a phone"


@pytest.mark.parametrize("name", ["department:landing", "department:team"])
@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_pages_have_no_wcag_violations(page, site, name, language):
    page.goto(page_url(site, name, language))
    results = Axe().run(page)
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results.response["violations"]
        if WCAG_TAGS & set(v["tags"])
    ]
    assert violations == []
