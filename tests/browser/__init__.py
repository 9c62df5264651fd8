from django.urls import reverse
from playwright.sync_api import expect


def log_in_to_admin(page, live_server, username, password):
    """Through the admin's own login form, reading the admin in English."""
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Site content")).to_be_visible()
