"""A new superuser whose browser speaks English picks Uzbek on the login page, signs in, is
sent to set up two-factor authentication, scans (here: reads) the key, confirms it with the
code the phone would show, gets the recovery codes to print, and signs in with a code next
time: all in a real headless Chromium, in Uzbek."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.second_factor import authenticator_of, code_for_typed_key, next_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Bibi-Khanym 1404 domes"


def uz(text):
    with translation.override("uz"):
        return translation.gettext(text)


def accessibility_violations(page):
    return [
        (v["id"], [node["target"] for node in v["nodes"]])
        for v in Axe().run(page).response["violations"]
        if {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"} & set(v["tags"])
    ]


def sign_in_with_password(page):
    page.get_by_label(uz("Username")).fill("gulnora")
    page.get_by_label(uz("Password")).fill(PASSWORD)
    page.get_by_role("button", name=uz("Log in")).click()


def test_a_superuser_sets_up_two_factor_authentication_in_uzbek(
    browser, live_server, django_user_model
):
    user = django_user_model.objects.create_superuser("gulnora", "g@sammu.uz", PASSWORD)
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))

    page.goto(live_server.url + reverse("admin:login"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Language").select_option("uz")
    page.get_by_role("button", name="Switch").click()
    expect(page.locator("html")).to_have_attribute("lang", "uz")
    expect(page.get_by_role("link", name=uz("Forgotten your login credentials?"))).to_be_visible()

    sign_in_with_password(page)
    expect(page.get_by_role("heading", name=uz("Set up two-factor authentication"))).to_be_visible()
    qr_code = page.get_by_role("img", name=uz("QR code for the authenticator app"))
    expect(qr_code).to_be_visible()
    assert qr_code.evaluate("image => image.naturalWidth") > 0  # the browser drew it
    assert accessibility_violations(page) == []

    key = page.locator(".two-factor-key").inner_text()
    page.get_by_label(uz("Code")).fill(code_for_typed_key(key))
    page.get_by_role("button", name=uz("Confirm")).click()

    expect(page.get_by_role("heading", name=uz("Your recovery codes"))).to_be_visible()
    expect(page.locator(".recovery-codes li")).to_have_count(10)
    expect(page.get_by_role("button", name=uz("Print"))).to_be_visible()  # its script ran
    page.get_by_role("link", name=uz("Continue")).click()
    expect(page.get_by_role("heading", name=uz("Site content"))).to_be_visible()

    # Next time: the password, then the code the phone shows.
    page.get_by_role("button", name=uz("Log out")).click()
    page.goto(live_server.url + reverse("admin:login"))
    sign_in_with_password(page)
    expect(page.get_by_role("heading", name=uz("Two-factor authentication"))).to_be_visible()
    assert accessibility_violations(page) == []
    page.get_by_label(uz("Code")).fill(next_code(authenticator_of(user)))
    page.get_by_role("button", name=uz("Verify")).click()
    expect(page.get_by_role("heading", name=uz("Site content"))).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "uz")
    assert errors == []
    context.close()
