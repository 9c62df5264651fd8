from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from tests.second_factor import give_authenticator, next_code


def log_in_to_admin(page, live_server, username, password):
    """Through the admin's own login form, reading the admin in English. A superuser has a
    phone set up (as every superuser must): the code it would show is entered at the second
    step, as is an editor's when they have one."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=username)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None and user.is_superuser:
        device = give_authenticator(user)
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto(live_server.url + reverse("admin:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()
    if device is not None:
        page.get_by_label("Code").fill(next_code(device))
        page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="Site content")).to_be_visible()
