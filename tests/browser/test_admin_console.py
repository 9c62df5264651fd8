"""The admin's forms run without a browser console error: in particular nothing the strict
Content Security Policy blocks (an editor's injected style or script would fail silently)."""

import pytest
from playwright.sync_api import expect

from tests.browser import log_in_to_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_forms_log_no_console_errors(page, live_server, django_user_model, make_partner):
    django_user_model.objects.create_superuser("boss", "boss@example.org", "a long passphrase 9")
    partner = make_partner("heidelberg", name_uz="Heidelberg", name_ru="Гейдельберг")
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    log_in_to_admin(page, live_server, "boss", "a long passphrase 9")
    for path in (
        "/admin/",
        f"/admin/partners/partner/{partner.pk}/change/",
        "/admin/events/event/add/",
        "/admin/partners/program/add/",
        "/admin/department/department/",
    ):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert errors == [], path
    # The editor really started: its editable area is drawn by the script the policy allows.
    page.goto(live_server.url + "/admin/events/event/add/")
    editors = page.locator(".ProseMirror[contenteditable=true]")
    expect(editors.first).to_be_attached()
    assert editors.count() >= 3  # the rich-text fields, in each of the three languages
