"""Admin logins: repeated failures lock the username (from that address) out for a cool-off,
with a clear page in the staff member's language; passwords follow Django's validators."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext

from tests.admin_forms import form_data

PASSWORD = "Correct horse battery staple 7"


def lockout_message(language):
    with translation.override(language):
        return ngettext(
            "Too many failed login attempts: this account is locked for %(minutes)d minute.",
            "Too many failed login attempts: this account is locked for %(minutes)d minutes.",
            30,
        ) % {"minutes": 30}


@pytest.fixture
def staff(db, django_user_model):
    return django_user_model.objects.create_user("aziza", password=PASSWORD, is_staff=True)


def log_in(client, password, language="en", **headers):
    client.cookies["django_language"] = language
    return client.post(
        reverse("admin:login"),
        {"username": "aziza", "password": password, "next": reverse("admin:index")},
        **headers,
    )


def fail_until_locked(client, language="en", **headers):
    attempts = range(settings.AXES_FAILURE_LIMIT)
    responses = [log_in(client, f"wrong {n}", language, **headers) for n in attempts]
    assert all(r.status_code == 200 for r in responses[:-1])  # the login form, with its error
    return responses[-1]


def test_settings_lock_after_five_failures_for_half_an_hour():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 30 * 60
    assert settings.AUTHENTICATION_BACKENDS[0] == "axes.backends.AxesStandaloneBackend"
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"


def test_five_failed_logins_lock_the_account_with_a_clear_message(client, staff):
    locked = fail_until_locked(client)

    assert locked.status_code == 429
    html = locked.content.decode()
    assert "Too many failed login attempts: this account is locked for 30 minutes." in html
    assert 'id="site-name"' in html  # the admin's own page, not a bare text
    assert 'id="nav-sidebar"' not in html  # nor an empty list of sections
    assert reverse("admin:login") in html


def test_the_lockout_page_speaks_the_staff_members_language(client, staff):
    html = fail_until_locked(client, language="uz").content.decode()
    assert '<html lang="uz"' in html
    assert "SamDTU xalqaro hamkorligi" in html  # the Uzbek admin's own header
    assert lockout_message("uz") in html


def test_the_right_password_is_refused_while_locked_then_works_after_the_cool_off(client, staff):
    fail_until_locked(client)

    still_locked = log_in(client, PASSWORD)
    assert still_locked.status_code == 429
    assert "_auth_user_id" not in client.session

    # Half an hour later (moved in the database, not waited for).
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=31)
    )
    after = log_in(client, PASSWORD)
    assert after.status_code == 302
    assert after["Location"] == reverse("admin:index")
    assert client.session["_auth_user_id"] == str(staff.pk)


def test_a_lockout_holds_for_that_username_only(client, staff, django_user_model):
    fail_until_locked(client)
    django_user_model.objects.create_user("bekzod", password=PASSWORD, is_staff=True)
    other = client.post(reverse("admin:login"), {"username": "bekzod", "password": PASSWORD})
    assert other.status_code == 302


def test_behind_the_proxy_a_lockout_holds_for_the_address_that_failed(client, staff, settings):
    """Through the proxy every request comes from its address; the lockout goes by the one the
    proxy appended to X-Forwarded-For, so someone guessing a username does not lock its owner
    out from everywhere."""
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.2"}
    guesser = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    assert fail_until_locked(client, **guesser).status_code == 429
    # Claiming another address in front of its own does not get the guesser a fresh count.
    spoofed = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.7"}
    assert log_in(client, PASSWORD, **spoofed).status_code == 429
    owner = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.23"}
    assert log_in(client, PASSWORD, **owner).status_code == 302


def test_password_validators_are_the_four_standard_ones():
    names = [v["NAME"].rsplit(".", 1)[1] for v in settings.AUTH_PASSWORD_VALIDATORS]
    assert names == [
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    ]


@pytest.mark.parametrize("weak", ["12345678", "password1", "short"])
def test_a_weak_staff_password_is_refused_in_the_admin(admin_client, django_user_model, weak):
    add = reverse("admin:auth_user_add")
    data = form_data(admin_client.get(add))
    data.update(username=["dilnoza"], password1=[weak], password2=[weak])
    response = admin_client.post(add, data)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["password2"]
    assert not django_user_model.objects.filter(username="dilnoza").exists()

    strong = "Registan at dawn 1417"
    data.update(password1=[strong], password2=[strong])
    assert admin_client.post(add, data).status_code == 302
    assert django_user_model.objects.get(username="dilnoza").check_password(strong)
