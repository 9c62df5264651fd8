"""Two-factor authentication: a staff member sets up an authenticator app by its QR code (or typed
key), confirms it with a code and gets ten recovery codes; signing in then asks for a code
after the password. Superusers must have it; wrong codes count towards the lockout; a
superuser resets a lost phone. Codes are computed here from the secret the page shows."""

import base64
import io
import re
import time
from xml.etree import ElementTree

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, reverse
from django.urls.resolvers import RoutePattern
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from samsmu_intl.accounts.second_factor import RECOVERY_CODE_COUNT, has_second_factor
from samsmu_intl.accounts.signin import PENDING_SECONDS, PENDING_SESSION_KEY
from tests.second_factor import (
    authenticator_of,
    code_for_typed_key,
    give_authenticator,
    next_code,
    sign_in,
    totp,
)

PASSWORD = "Ulugbek observatory 1420"


@pytest.fixture(autouse=True)
def in_english(client):
    client.cookies["django_language"] = "en"


@pytest.fixture
def staff(editors_group, django_user_model):
    user = django_user_model.objects.create_user("nodira", password=PASSWORD, is_staff=True)
    user.groups.add(editors_group)
    return user


@pytest.fixture
def chief(db, django_user_model):
    """A superuser who has not set up a phone yet."""
    return django_user_model.objects.create_superuser("rustam", "r@sammu.uz", PASSWORD)


def set_up(client):
    """The set-up page as a person uses it: the key it shows goes into the app, whose code
    confirms it. Returns the typed key and the recovery codes shown."""
    page = client.get(reverse("admin:two-factor-setup"))
    assert page.status_code == 200
    key = re.search(r'class="two-factor-key">([A-Z2-7 ]+)</code>', page.content.decode()).group(1)
    shown = client.post(reverse("admin:two-factor-setup"), {"code": code_for_typed_key(key)})
    assert shown.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]{4} [a-z2-7]{4})</code></li>", shown.content.decode())
    return key, codes


def give_password(client, username="nodira", password=PASSWORD, next_url=None):
    client.cookies["django_language"] = "en"  # logging out forgets every cookie
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("admin:login"), data)


def give_code(client, code, **extra):
    return client.post(reverse("admin:login-code"), {"code": code, **extra})


def wrong_code(device):
    """Six digits that none of the codes the site would accept now matches."""
    now = int(time.time()) // 30
    accepted = {totp(bytes.fromhex(device.key), counter) for counter in range(now - 2, now + 3)}
    return next(code for code in ("000000", "111111", "222222") if code not in accepted)


def signed_in_as(client):
    return client.session.get("_auth_user_id")


# Setting up ---------------------------------------------------------------------------------


def test_the_set_up_page_shows_a_qr_code_made_on_the_server(client, staff):
    sign_in(client, staff)
    response = client.get(reverse("admin:two-factor-setup"))
    html = response.content.decode()
    data_uri = re.search(
        r'<img class="two-factor-qr" src="data:image/svg\+xml;base64,([^"]+)"', html
    )
    svg = ElementTree.fromstring(base64.b64decode(data_uri.group(1)))
    assert svg.tag.endswith("svg")
    # No third party draws it (nor anything else on the page), and the policy lets it show.
    assert not re.search(r'src="(https?:)?//', html)
    assert "img-src 'self' data:" in response["Content-Security-Policy"]
    # Reloading shows the same secret, the one the phone may have scanned already.
    again = client.get(reverse("admin:two-factor-setup")).content.decode()
    assert data_uri.group(1) in again


def test_a_code_from_the_app_confirms_it_and_ten_recovery_codes_are_shown_once(client, staff):
    sign_in(client, staff)
    wrong = client.post(reverse("admin:two-factor-setup"), {"code": "000000"})
    assert "This code is not right." in wrong.content.decode()
    assert not has_second_factor(staff)  # a wrong code confirms nothing
    time.sleep(1.1)  # past django-otp's delay after a wrong code

    _key, codes = set_up(client)

    assert len(codes) == len(set(codes)) == RECOVERY_CODE_COUNT
    assert has_second_factor(staff)
    assert StaticToken.objects.filter(device__user=staff).count() == RECOVERY_CODE_COUNT
    overview = client.get(reverse("admin:two-factor")).content.decode()
    assert "Two-factor authentication is on" in overview
    assert "You have 10 unused recovery codes." in overview
    assert not any(code in overview for code in codes)  # shown once, on the page after set-up


def test_editors_are_offered_it_on_the_admin_home_page(client, staff):
    sign_in(client, staff)
    offer = reverse("admin:two-factor-setup")
    assert offer in client.get(reverse("admin:index")).content.decode()
    set_up(client)
    home = client.get(reverse("admin:index")).content.decode()
    assert offer not in home
    assert reverse("admin:two-factor") in home  # their page, among the user links


# Signing in ---------------------------------------------------------------------------------


@pytest.fixture
def enrolled(client, staff):
    """A staff member who set up their phone, then signed out: (typed key, recovery codes)."""
    sign_in(client, staff)
    key, codes = set_up(client)
    client.logout()
    return key, codes


def test_after_the_password_a_code_from_the_app_signs_in(client, staff, enrolled):
    key, _codes = enrolled
    partners = reverse("admin:partners_partner_changelist")

    password = give_password(client, next_url=partners)
    assert password.status_code == 302
    assert password["Location"].startswith(reverse("admin:login-code"))
    assert signed_in_as(client) is None  # a password alone signs nobody in
    assert client.get(partners)["Location"].startswith(reverse("admin:login"))

    page = client.get(password["Location"])
    assert 'autocomplete="one-time-code"' in page.content.decode()
    # The app's code of the next 30 seconds: this one was used to confirm the phone.
    code = totp(base64.b32decode(key.replace(" ", "")), int(time.time()) // 30 + 1)
    signed = give_code(client, code, next=partners)
    assert signed["Location"] == partners
    assert signed_in_as(client) == str(staff.pk)
    assert client.get(partners).status_code == 200
    assert client.get(partners).wsgi_request.user.is_verified()


def test_a_wrong_code_does_not_sign_in(client, staff, enrolled):
    give_password(client)
    wrong = give_code(client, wrong_code(authenticator_of(staff)))
    assert wrong.status_code == 200
    assert "This code is not right." in wrong.content.decode()
    assert signed_in_as(client) is None
    assert AccessAttempt.objects.get(username="nodira").failures_since_start == 1


def test_a_code_is_accepted_once(client, staff, enrolled):
    code = next_code(authenticator_of(staff))
    give_password(client)
    assert give_code(client, code).status_code == 302
    client.logout()
    give_password(client)
    assert give_code(client, code).status_code == 200
    assert signed_in_as(client) is None


def test_a_recovery_code_signs_in_once(client, staff, enrolled):
    _key, codes = enrolled
    give_password(client)
    signed = give_code(client, codes[0].upper().replace(" ", "-"))  # typed as it comes
    assert signed.status_code == 302
    assert signed_in_as(client) == str(staff.pk)
    home = client.get(signed["Location"]).content.decode()
    assert "You signed in with a recovery code; 9 are left." in home

    client.logout()
    give_password(client)
    assert give_code(client, codes[0]).status_code == 200
    assert signed_in_as(client) is None
    time.sleep(1.1)  # past django-otp's delay after a wrong code
    assert give_code(client, codes[1]).status_code == 302


def test_the_code_step_waits_a_few_minutes_only(client, staff, enrolled):
    give_password(client)
    session = client.session
    session[PENDING_SESSION_KEY]["since"] -= PENDING_SECONDS + 1
    session.save()
    response = give_code(client, next_code(authenticator_of(staff)))
    assert response["Location"].startswith(reverse("admin:login"))
    assert signed_in_as(client) is None
    # Without a password given at all, the same.
    assert client.get(reverse("admin:login-code"))["Location"].startswith(reverse("admin:login"))


def test_wrong_codes_lead_to_the_lockout(client, staff, enrolled, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the device's own delay is tested below
    right = next_code(authenticator_of(staff))
    wrong = wrong_code(authenticator_of(staff))
    give_password(client)
    responses = [give_code(client, wrong) for _ in range(settings.AXES_FAILURE_LIMIT)]
    assert [r.status_code for r in responses[:-1]] == [200] * (settings.AXES_FAILURE_LIMIT - 1)
    locked = responses[-1]
    assert locked.status_code == 429
    assert "this account is locked for 30 minutes" in locked.content.decode()
    # Now neither the right code nor the right password gets in.
    assert give_code(client, right).status_code == 429
    assert give_password(client).status_code == 429
    assert signed_in_as(client) is None


def test_wrong_passwords_and_wrong_codes_count_together(client, staff, enrolled):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        give_password(client, password="not the password")
    give_password(client)
    assert give_code(client, wrong_code(authenticator_of(staff))).status_code == 429


def test_codes_in_quick_succession_wait_for_the_growing_delay(client, staff, enrolled):
    """django-otp's own delay (1, 2, 4 … seconds after wrong codes in a row) stops a guesser
    on many addresses, which the per-address lockout alone would not."""
    give_password(client)
    give_code(client, wrong_code(authenticator_of(staff)))
    waiting = give_code(client, next_code(authenticator_of(staff)))
    assert "Too many wrong codes in a row: wait" in waiting.content.decode()
    assert signed_in_as(client) is None
    assert AccessAttempt.objects.get(username="nodira").failures_since_start == 1
    time.sleep(1.1)
    assert give_code(client, next_code(authenticator_of(staff))).status_code == 302


def test_a_session_from_before_the_phone_was_set_up_elsewhere_is_signed_out(client, staff):
    sign_in(client, staff)  # a password-only session
    give_authenticator(staff)  # the phone set up in another browser
    response = client.get(reverse("admin:index"))
    assert response["Location"].startswith(reverse("admin:login"))
    assert signed_in_as(client) is None


# Superusers ---------------------------------------------------------------------------------


def sample_path(pattern):
    """A path that `pattern` matches, with every parameter filled in."""
    if isinstance(pattern, RoutePattern):
        return re.sub(r"<(?:\w+:)?\w+>", "1", str(pattern))
    text = str(pattern).lstrip("^").rstrip("$")
    text = text.replace("(?P<url>.*)", "anything/")  # the catch-all
    return re.sub(r"\(\?P<\w+>(\w+)[^)]*\)", r"\1", text)  # the app list: its first app


def admin_paths(patterns=None, prefix=None):
    """Every page of admin.site, as a path."""
    patterns = admin.site.urls[0] if patterns is None else patterns
    prefix = reverse("admin:index") if prefix is None else prefix
    for pattern in patterns:
        path = prefix + sample_path(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from admin_paths(pattern.url_patterns, path)
        elif isinstance(pattern, URLPattern):
            yield path


def test_a_superuser_without_a_second_factor_is_sent_to_set_it_up_from_every_admin_url(
    client, chief
):
    paths = sorted(set(admin_paths()))
    assert len(paths) > 100  # every model's list, form, history, recovery, the admin's own
    open_ones = {reverse("admin:two-factor-setup"), reverse("admin:logout")}
    client.force_login(chief)
    setup = reverse("admin:two-factor-setup")
    for path in paths:
        if path in open_ones:
            continue
        for method in (client.get, client.post):
            response = method(path)
            assert response.status_code == 302, path
            assert response["Location"].startswith(f"{setup}?next="), path
    # The preview of a draft too: every page, not only the admin's.
    with_language = reverse("department:landing-preview")
    assert client.get(with_language)["Location"].startswith(setup)

    set_up(client)
    assert client.get(reverse("admin:index")).status_code == 200


def test_a_superuser_signing_in_without_one_goes_from_the_password_to_the_set_up(client, chief):
    partners = reverse("admin:partners_partner_changelist")
    give_password(client, "rustam", next_url=partners)
    response = client.get(partners)
    assert response["Location"] == f"{reverse('admin:two-factor-setup')}?next={partners}"
    key = re.search(
        r'class="two-factor-key">([A-Z2-7 ]+)<', client.get(response["Location"]).content.decode()
    ).group(1)
    shown = client.post(response["Location"], {"code": code_for_typed_key(key)})
    assert f'href="{partners}"' in shown.content.decode()  # "Continue" goes where they were going
    assert client.get(partners).status_code == 200


def reset_action(client, *users):
    return client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [u.pk for u in users]},
    )


def test_a_superuser_resets_a_lost_phone(admin_client, staff, enrolled):
    listing = admin_client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert "Reset two-factor authentication (a lost phone)" in listing
    assert "Two-factor authentication" in listing  # the column saying who has it

    response = reset_action(admin_client, staff)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert not StaticToken.objects.filter(device__user=staff).exists()
    entry = LogEntry.objects.get(object_id=str(staff.pk))
    assert entry.get_change_message() == "Changed Two-factor authentication."
    message = admin_client.get(response["Location"]).content.decode()
    assert "Two-factor authentication was reset for 1 person" in message
    # The editor now signs in with their password alone.
    assert give_password(Client())["Location"] == reverse("admin:index")


def test_only_superusers_may_reset_a_second_factor(client, staff, django_user_model):
    from django.contrib.auth.models import Permission

    manager = django_user_model.objects.create_user("manager", password=PASSWORD, is_staff=True)
    manager.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    give_authenticator(staff)
    sign_in(client, manager)
    listing = client.get(reverse("admin:auth_user_changelist"))
    assert listing.status_code == 200
    assert "reset_second_factor" not in listing.content.decode()
    reset_action(client, staff)
    assert has_second_factor(staff)


def test_a_superuser_who_lost_everything_is_reset_from_the_command_line(chief):
    give_authenticator(chief)
    out = io.StringIO()
    call_command("reset_two_factor", "rustam", "--dry-run", stdout=out)
    assert has_second_factor(chief) and "has second factor" in out.getvalue()
    call_command("reset_two_factor", "rustam", stdout=out)
    assert not has_second_factor(chief)
    assert "removed" in out.getvalue()


def test_new_recovery_codes_replace_the_old_ones(client, staff, enrolled):
    _key, old = enrolled
    sign_in(client, staff)
    new = re.findall(
        r"<li><code>([a-z2-7 ]{9})</code></li>",
        client.post(reverse("admin:two-factor-recovery-codes")).content.decode(),
    )
    assert len(new) == RECOVERY_CODE_COUNT and not set(new) & set(old)
    client.logout()
    give_password(client)
    assert give_code(client, old[0]).status_code == 200
    time.sleep(1.1)  # past django-otp's delay after a wrong code
    assert give_code(client, new[0]).status_code == 302
