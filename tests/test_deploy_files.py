"""The deployment files in deploy/: what they say agrees with the site's code and settings, and
render.py fills them in. (tests/test_nginx.py runs them with the real programs.)"""

import re

import pytest
from django.conf import settings
from django.core.management import call_command, get_commands

from deploy.local import timer_jobs, unit_settings
from deploy.render import DEFAULTS, TEMPLATES, RenderError, render
from samsmu_intl.operations.management.commands.render_error_pages import request_size_limit
from tests.servers import ROOT

DEPLOY = ROOT / "deploy"
SHIPPED_SITE = DEPLOY / "nginx" / "samsmu-intl.conf"
MICROCACHE_SECONDS = 5


def test_nginx_accepts_the_largest_request_the_site_accepts():
    limit = re.search(r"client_max_body_size (\d+)m;", SHIPPED_SITE.read_text()).group(1)
    assert int(limit) * 1024 * 1024 == request_size_limit() == 13 * 1024 * 1024


def test_the_microcache_is_bypassed_by_the_session_cookie():
    config = SHIPPED_SITE.read_text()
    cookie = f"$cookie_{settings.SESSION_COOKIE_NAME}"
    assert f"proxy_cache_bypass {cookie} " in config
    assert f"proxy_no_cache {cookie} " in config
    assert f"map $cookie_{settings.LANGUAGE_COOKIE_NAME} " in config
    assert re.search(rf"proxy_cache_valid 200 {MICROCACHE_SECONDS}s;", config)


def test_each_timer_runs_a_command_of_the_site():
    jobs = timer_jobs(DEPLOY / "systemd")
    commands = [re.fullmatch(r"samsmu-intl-job@(\w+)\.service", job).group(1) for job in jobs]
    assert commands == ["purge_personal_data", "send_editorial_digest", "send_event_reminders"]
    assert set(commands) <= set(get_commands())


SANDBOX = ("Protect", "Private", "Restrict", "NoNewPrivileges", "ReadWritePaths", "Capability",
           "SystemCall", "LockPersonality")  # fmt: skip


def test_the_site_and_its_jobs_run_in_the_same_sandbox():
    site = unit_settings(DEPLOY / "systemd" / "samsmu-intl.service")
    job = unit_settings(DEPLOY / "systemd" / "samsmu-intl-job@.service")
    sandbox = {key: value for key, value in site.items() if key.startswith(SANDBOX)}
    assert sandbox["ProtectSystem"] == ["strict"]
    assert sandbox["ReadWritePaths"] == ["{{MEDIA_ROOT}} {{PRIVATE_MEDIA_ROOT}}"]
    assert {"NoNewPrivileges", "PrivateTmp", "ProtectHome"} <= set(sandbox)
    assert {key: value for key, value in job.items() if key.startswith(SANDBOX)} == sandbox
    assert site["ExecReload"] == ["/bin/kill -s HUP $MAINPID"]  # gunicorn's graceful reload
    assert job["User"] == site["User"] == ["{{USER}}"]


def test_render_fills_in_the_folders_and_domain_from_the_sites_environment_file(tmp_path):
    env_file = tmp_path / "env"
    env_file.write_text(
        "# the site\nSITE_URL=https://intl.example.uz\nSTATIC_ROOT=/data/static\n"
        "MEDIA_ROOT=/data/media\nPRIVATE_MEDIA_ROOT=/data/private\n"
    )
    from deploy.render import main

    main([str(tmp_path / "out"), "--env-file", str(env_file), "--set", "APP_PORT=8001"])
    site = (tmp_path / "out" / "nginx" / "samsmu-intl.conf").read_text()
    assert "server_name intl.example.uz;" in site
    assert "ssl_certificate /etc/letsencrypt/live/intl.example.uz/fullchain.pem;" in site
    assert "alias /data/static/;" in site and "alias /data/media/;" in site
    assert "/data/private" not in site  # nginx is never told where the agreements are
    assert "server 127.0.0.1:8001;" in site
    service = (tmp_path / "out" / "systemd" / "samsmu-intl.service").read_text()
    assert f"EnvironmentFile={env_file}\n" in service
    assert "ReadWritePaths=/data/media /data/private\n" in service
    assert "--bind 127.0.0.1:8001 " in service
    for template in TEMPLATES:
        assert "{{" not in (tmp_path / "out" / template).read_text()
    assert (tmp_path / "out" / "samsmu-intl-manage").stat().st_mode & 0o111


def test_the_defaults_are_the_layout_of_the_readme(tmp_path):
    render(tmp_path)
    readme = (ROOT / "README.md").read_text()
    for name in ("APP_DIR", "ENV_FILE", "STATIC_ROOT", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
        assert f"`{DEFAULTS[name]}`" in readme, name
    example = (ROOT / ".env.example").read_text()
    for name in ("STATIC_ROOT", "MEDIA_ROOT", "PRIVATE_MEDIA_ROOT"):
        assert f"\n{name}={DEFAULTS[name]}\n" in example


def test_render_refuses_a_value_no_file_uses(tmp_path):
    with pytest.raises(RenderError, match="No file uses DOMIAN"):
        render(tmp_path, {"DOMIAN": "intl.sammu.uz"})


def test_the_error_pages_nginx_answers_with_are_written_in_each_language(tmp_path):
    call_command("render_error_pages", output=tmp_path, verbosity=0)
    assert sorted(str(path.relative_to(tmp_path)) for path in tmp_path.glob("*/*.html")) == [
        f"{language}/{page}.html" for language in ("en", "ru", "uz") for page in (413, 500, 503)
    ]
    too_large = (tmp_path / "uz" / "413.html").read_text()
    assert '<html lang="uz">' in too_large and "<h1>Fayl juda katta</h1>" in too_large
    assert "koʻpi bilan 8,0\xa0MB" in too_large and "koʻpi bilan 13,0\xa0MB yuborish" in too_large
    assert (
        "<h1>The site is temporarily unavailable</h1>" in (tmp_path / "en" / "503.html").read_text()
    )
    assert "Ошибка сервера" in (tmp_path / "ru" / "500.html").read_text()
