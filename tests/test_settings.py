import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from samsmu_intl.settings import env_bool

ROOT = Path(__file__).resolve().parent.parent


def manage(*args, **env):
    # A clean environment, as on a server: none of the variables the test run itself sets.
    unset = ("SECRET_KEY", "DJANGO_DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_starts_with_a_secret_key():
    result = manage("check", DJANGO_DEBUG="false", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


def test_local_admin_is_never_made_in_production():
    result = manage("ensure_local_admin", DJANGO_DEBUG="false", SECRET_KEY="x" * 50)
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
def test_local_admin_login_is_printed_once(capsys):
    from io import StringIO

    from django.core.management import call_command
    from django.test import override_settings

    first, second = StringIO(), StringIO()
    with override_settings(DEBUG=True):
        call_command("ensure_local_admin", stdout=first)
        call_command("ensure_local_admin", stdout=second)
    assert "Local admin login: admin / " in first.getvalue()
    assert " / " not in second.getvalue()


def test_production_settings_pass_the_deployment_checklist():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(60),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_fresh_checkout_runs_with_nothing_set():
    result = manage("check")
    assert result.returncode == 0, result.stderr


def test_a_server_with_a_secret_key_runs_with_debug_off():
    code = "from django.conf import settings; print(settings.DEBUG)"
    result = manage("shell", "--no-imports", "-c", code, SECRET_KEY=secrets.token_urlsafe(50))
    assert result.stdout.strip().splitlines()[-1] == "False"
