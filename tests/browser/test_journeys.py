"""Journeys in a real headless Chromium against the live server."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.public_pages import LANGUAGES, PUBLIC_PAGES, SITE_REGISTRATION

# Transactional: the live server reads what the test writes. The flush after each test ends with
# post_migrate, which recreates content types and the forms of cooperation.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}


@pytest.fixture
def site(live_server, public_site):
    return live_server.url


def page_url(site, name, language, **kwargs):
    with translation.override(language):
        return site + reverse(name, kwargs=kwargs or None)


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
    expect(menu).to_be_hidden()
    page.locator("summary", has_text="Меню").focus()
    page.keyboard.press("Enter")
    menu.get_by_role("link", name="Сотрудники").click()
    expect(page.locator("h1")).to_have_text("Сотрудники")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, "the page scrolls sideways on a phone"


@pytest.mark.parametrize("public_page", PUBLIC_PAGES, ids=str)
@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_have_no_wcag_violations(page, site, public_page, language):
    page.goto(site + public_page.path(language))
    results = Axe().run(page)
    violations = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results.response["violations"]
        if WCAG_TAGS & set(v["tags"])
    ]
    assert violations == []


def test_keyboard_user_filters_the_directory(page, site):
    page.goto(page_url(site, "partners:list", "en"))
    search = page.get_by_label("Name or city")
    for _ in range(30):
        page.keyboard.press("Tab")
        if search.evaluate("el => el === document.activeElement"):
            break
    expect(search).to_be_focused()
    page.keyboard.type("Baku")
    page.keyboard.press("Tab")
    expect(page.get_by_label("Region")).to_be_focused()
    for _ in range(4):  # country, kind, form of cooperation, the button
        page.keyboard.press("Tab")
    button = page.get_by_role("button", name="Show partners")
    expect(button).to_be_focused()
    assert button.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/partners/\?q=Baku$"))
    expect(page.locator(".card__title")).to_have_count(1)
    expect(page.locator(".card__title")).to_have_text("Azerbaijan Medical University")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Русский").click()
    expect(page).to_have_url(re.compile(r"/ru/partners/\?q=Baku$"))
    expect(page.locator(".card__title")).to_have_text("Азербайджанский медицинский университет")


def test_visitor_opens_a_country_from_the_map(page, site):
    page.goto(page_url(site, "partners:map", "en"))
    page.locator('a[href$="?country=TR"] path').click()
    expect(page).to_have_url(re.compile(r"/en/partners/\?country=TR"))
    expect(page.locator(".card__title")).to_have_text("Yeditepe University")


def test_keyboard_user_registers_for_a_webinar_then_the_next_waits(page, site):
    page.goto(page_url(site, "events:detail", "en", slug="webinar"))
    page.get_by_role("link", name="Register", exact=True).click()
    expect(page.locator("h1")).to_have_text("Registration")
    page.get_by_label("Full name").focus()
    page.keyboard.type("Dilnoza Karimova")
    page.keyboard.press("Tab")
    page.keyboard.type("dilnoza@example.org")
    page.keyboard.press("Tab")
    page.keyboard.type("Tashkent Medical Academy")
    page.keyboard.press("Tab")
    page.get_by_label("Country").select_option("UZ")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the consent box
    expect(page.get_by_role("checkbox")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Register")).to_be_focused()  # the trap is skipped
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_contain_text("You are registered.")

    page.goto(page_url(site, "events:register", "en", slug="webinar"))
    expect(page.get_by_text("All places are taken.")).to_be_visible()


def test_registrant_cancels_by_their_link_and_the_next_waiting_gets_the_place(page, site):
    from events.models import Registration

    guest = Registration.objects.get(email=SITE_REGISTRATION["email"])
    waiting = Registration.objects.create(
        event=guest.event,
        email="next@example.org",
        name="Next",
        affiliation="X",
        country="UZ",
        consent=True,
        language="ru",
        status=Registration.Status.WAITING,
    )
    link = page_url(site, "events:registration", "en", slug="webinar", token=guest.link_token)
    page.goto(link)
    expect(page.locator("h1")).to_have_text("Your registration")
    page.get_by_role("link", name="Cancel registration").click()
    expect(page.locator("h1")).to_have_text("Cancel registration")
    page.get_by_role("button", name="Yes, cancel my registration").click()
    expect(page.get_by_role("status")).to_contain_text("Your registration is cancelled.")
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    page.goto(link)
    expect(page.get_by_role("status")).to_have_text("This registration has been cancelled.")


def test_registration_errors_are_announced_next_to_the_fields(page, site):
    page.goto(page_url(site, "events:register", "ru", slug="webinar"))
    page.get_by_role("button", name="Зарегистрироваться").click()
    expect(page.locator(".field__error").first).to_be_visible()
    assert page.get_by_label("Эл. почта").get_attribute("aria-invalid") == "true"


def test_keyboard_user_uses_the_menu_and_the_language_switcher(page, site):
    page.goto(page_url(site, "department:landing", "en"))
    focused = []
    for _ in range(20):
        page.keyboard.press("Tab")
        label = " ".join(page.evaluate("document.activeElement.textContent").split())
        focused.append(label)
        style = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert style == "solid", f"no visible focus on {label!r}"
        if label == "Partners":
            break
    assert focused[:2] == [
        "Skip to main content",
        "S Samarkand State Medical University SamSMU Department of International Cooperation",
    ]
    assert {"Oʻzbekcha", "Русский", "English", "Home"} <= set(focused)
    assert "Menu" not in focused, "a desktop shows the menu open, without its button"
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/en/partners/")

    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Oʻzbekcha":
            break
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + "/uz/partners/")
    expect(page.locator("h1")).to_have_text("Hamkorlar")


def test_applicant_on_a_phone_opens_an_answer_and_downloads_a_form(page, site):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page_url(site, "applicants:guide", "ru"))
    answer = page.get_by_text("На узбекском, русском или английском.")
    expect(answer).to_be_hidden()
    question = page.locator("summary", has_text="На каком языке можно писать?")
    question.focus()
    page.keyboard.press("Enter")
    expect(answer).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    form = page.get_by_role("link", name="Бланк заявки")
    expect(form).to_have_attribute("type", "application/pdf")
    response = page.request.get(site + form.get_attribute("href"))
    assert response.ok and response.body().startswith(b"%PDF-")
