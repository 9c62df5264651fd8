import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from samsmu_intl.settings import env_bool

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    # A clean environment, as on a server: none of the variables the test run itself sets.
    unset = ("SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE", "SITE_URL")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


SITE_URL = "https://intl.example.uz"


@pytest.mark.system
def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="false", SITE_URL=SITE_URL)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.system
def test_production_refuses_to_start_without_a_site_url():
    """Emails, feeds and calendars would link to 127.0.0.1 otherwise."""
    result = manage("check", DJANGO_DEBUG="false", SECRET_KEY="x" * 50)
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "SITE_URL is not set" in last_line


@pytest.mark.system
def test_production_starts_with_a_secret_key_and_a_site_url():
    result = manage("check", DJANGO_DEBUG="false", SECRET_KEY="x" * 50, SITE_URL=SITE_URL)
    assert result.returncode == 0, result.stderr


@pytest.mark.system
def test_local_admin_is_never_made_in_production():
    result = manage(
        "ensure_local_admin", DJANGO_DEBUG="false", SECRET_KEY="x" * 50, SITE_URL=SITE_URL
    )
    assert result.returncode != 0
    assert "Refusing" in result.stderr


@pytest.mark.parametrize("value", ["maybe", "2", "tru"])
def test_junk_booleans_fail_loudly(monkeypatch, value):
    monkeypatch.setenv("SOME_FLAG", value)
    with pytest.raises(ImproperlyConfigured, match="SOME_FLAG must be true or false"):
        env_bool("SOME_FLAG")


@pytest.mark.parametrize(("value", "expected"), [("true", True), ("0", False), ("Yes", True)])
def test_booleans_read_as_expected(monkeypatch, value, expected):
    monkeypatch.setenv("SOME_FLAG", value)
    assert env_bool("SOME_FLAG") is expected


@pytest.mark.django_db
def test_local_admin_login_is_printed_once():
    from io import StringIO

    from django.core.management import call_command
    from django.test import override_settings

    first, second = StringIO(), StringIO()
    with override_settings(DEBUG=True):
        call_command("ensure_local_admin", stdout=first)
        call_command("ensure_local_admin", stdout=second)
    assert "Local admin login: admin / " in first.getvalue()
    assert " / " not in second.getvalue()


@pytest.mark.system
def test_production_settings_pass_the_deployment_checklist():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(60),
        SITE_URL=SITE_URL,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.system
def test_a_fresh_checkout_runs_with_nothing_set():
    result = manage("check")
    assert result.returncode == 0, result.stderr


@pytest.mark.system
def test_a_server_with_a_secret_key_runs_with_debug_off():
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = manage(
        "shell", "--no-imports", "-c", code, SECRET_KEY=secrets.token_urlsafe(50), SITE_URL=SITE_URL
    )
    assert result.stdout.strip().splitlines()[-1] == "False"


@pytest.mark.system
def test_the_language_cookie_has_the_session_cookies_flags_in_production():
    code = (
        "from django.conf import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SAMESITE,"
        " s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_SAMESITE)"
    )
    result = manage(
        "shell", "--no-imports", "-c", code, SECRET_KEY=secrets.token_urlsafe(50), SITE_URL=SITE_URL
    )
    assert result.stdout.strip().splitlines()[-1] == "True True Lax True Lax"


def test_the_admin_language_choice_is_sent_with_the_cookie_flags(client, settings):
    response = client.post(reverse("set_language"), {"language": "uz", "next": "/admin/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "uz"
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert bool(cookie["secure"]) == settings.LANGUAGE_COOKIE_SECURE


SETTING_READ = re.compile(r'(?:os\.environ\.get|env_bool|env_list)\(\s*"([A-Z_]+)"')
LISTED = re.compile(r"^#?\s*([A-Z][A-Z0-9_]+)=", re.MULTILINE)


def test_env_example_lists_every_setting_the_site_reads():
    read = set(SETTING_READ.findall((ROOT / "samsmu_intl" / "settings.py").read_text()))
    read.add("DATABASE_URL")  # read by dj_database_url.config()
    read.add("WEB_CONCURRENCY")  # read by gunicorn: samsmu-intl.service's workers
    listed = set(LISTED.findall((ROOT / ".env.example").read_text()))
    assert read, "no environment variables found in settings.py: the pattern is out of date"
    assert read - listed == set(), "read by settings.py but missing from .env.example"
    assert listed - read == set(), "listed in .env.example but never read"


def test_links_made_outside_a_request_use_the_port_make_run_serves(settings, monkeypatch):
    from samsmu_intl.serving.origin import absolute_url

    settings.SITE_URL = ""
    monkeypatch.setenv("PORT", "8080")
    assert absolute_url("/uz/events/") == "http://127.0.0.1:8080/uz/events/"
    makefile = (ROOT / "Makefile").read_text()
    assert "run: export PORT" in makefile  # runserver and the links agree on the port


@pytest.mark.parametrize("inside", ["MEDIA_ROOT", "STATIC_ROOT"])
def test_private_media_inside_a_folder_the_proxy_serves_fails_the_checks(
    settings, tmp_path, inside
):
    from django.core.checks import run_checks

    settings.MEDIA_ROOT, settings.STATIC_ROOT = tmp_path / "media", tmp_path / "static"
    setattr(settings, inside, tmp_path / "public")
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "public" / "agreements"
    [error] = [message for message in run_checks() if message.id == "serving.E001"]
    assert error.is_serious()
    assert error.msg.startswith(f"PRIVATE_MEDIA_ROOT ({tmp_path}/public/agreements) is inside")
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    assert not [message for message in run_checks() if message.id == "serving.E001"]
