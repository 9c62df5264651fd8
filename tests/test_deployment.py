"""What only running servers show: two servers sharing PostgreSQL and Redis, and an outage of
the database under a running server."""

import html
import http.cookiejar
import io
import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from samsmu_intl.department.models import StaffMember
from tests.second_factor import give_authenticator, next_code
from tests.servers import database_url, free_port, get, gunicorn, production_env, redis_is_up

pytestmark = [pytest.mark.system, pytest.mark.django_db(transaction=True)]
ON_POSTGRES = connection.vendor == "postgresql"


def login(base, username, password, device=None):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    _status, page = get(f"{base}/admin/login/", opener)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": token,
            "username": username,
            "password": password,
            "next": "/admin/",
        }
    ).encode()
    _status, page = get(f"{base}/admin/login/", opener, data)
    if device is not None:  # the second step, with the code the phone shows
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = {"csrfmiddlewaretoken": token, "code": next_code(device), "next": "/admin/"}
        get(f"{base}/admin/login/code/", opener, urllib.parse.urlencode(data).encode())
    return opener, jar


def form_fields(page):
    """The values of a Django admin change form, as a browser would send them."""
    fields = {}
    for name, value in re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page):
        fields[name] = html.unescape(value)
    for name, body in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', page, re.S):
        fields[name] = html.unescape(body.strip("\n"))
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="([^"]*)"[^>]*selected', options)
        fields[name] = chosen.group(1) if chosen else ""
    return {k: v for k, v in fields.items() if not k.startswith("_")}


@pytest.mark.skipif(
    not (ON_POSTGRES and redis_is_up()) and not os.environ.get("CI"),
    reason="needs PostgreSQL (DATABASE_URL) and Redis on 127.0.0.1:6379",
)
@pytest.mark.skipif(not ON_POSTGRES, reason="two servers share a PostgreSQL database")
@pytest.mark.usefixtures("production_password_hashing")  # the servers check the password
def test_two_servers_share_edits_cache_and_sessions(django_user_model):
    call_command("load_seed", stdout=io.StringIO())
    editor = django_user_model.objects.create_superuser(
        "editor", "e@example.org", "A-long-passphrase-1"
    )
    phone = give_authenticator(editor)
    env = production_env(
        DATABASE_URL=database_url(connection.settings_dict), REDIS_URL="redis://127.0.0.1:6379/13"
    )
    subprocess.run(["redis-cli", "-n", "13", "flushdb"], capture_output=True)
    with gunicorn(env) as first, gunicorn(env) as second:
        status, team = get(f"{second}/en/team/")
        assert status == 200 and "Head of the department" in team  # now cached in Redis

        opener, jar = login(first, "editor", "A-long-passphrase-1", phone)
        head = StaffMember.objects.get(slug="shavazi")
        change = f"{first}/admin/department/staffmember/{head.pk}/change/"
        _status, page = get(change, opener)
        fields = form_fields(page)
        fields["position_en"] = "Head of International Cooperation"
        status, _body = get(change, opener, urllib.parse.urlencode(fields).encode())
        assert status == 200

        _status, team = get(f"{second}/en/team/")
        assert "Head of International Cooperation" in team  # the other server's cache dropped it

        session = next(cookie for cookie in jar if cookie.name == "sessionid")
        other = urllib.request.build_opener()
        other.addheaders = [("Cookie", f"sessionid={session.value}")]
        status, admin_home = get(f"{second}/admin/", other)
        assert status == 200 and "editor" in admin_home  # the session works on both


INITDB = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))), None)


@pytest.mark.skipif(
    (INITDB is None or os.geteuid() != 0) and not os.environ.get("CI"),
    reason="needs PostgreSQL's initdb and root (to run a private cluster as postgres)",
)
def test_database_outage_answers_503_and_recovers_without_restart(tmp_path):
    pg_bin = INITDB.parent
    data = Path(tempfile.mkdtemp(prefix="samsmu-outage-"))
    shutil.chown(data, "postgres")
    port = free_port()

    def as_postgres(*command):
        # No pipes: the server that pg_ctl starts would hold them open.
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *command],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    as_postgres(str(pg_bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres")
    options = f"-p {port} -k {data} -h 127.0.0.1"
    ctl = [str(pg_bin / "pg_ctl"), "-D", str(data), "-l", str(data / "log"), "-o", options, "-w"]
    as_postgres(*ctl, "start")
    try:
        url = f"postgres://postgres@127.0.0.1:{port}/postgres"
        env = production_env(DATABASE_URL=url, PAGE_CACHE_SECONDS="0")
        for command in (["migrate", "--noinput"], ["load_seed"]):
            subprocess.run(
                [os.sys.executable, "manage.py", *command],
                env=env,
                check=True,
                capture_output=True,
                cwd=Path(__file__).resolve().parent.parent,
            )
        with gunicorn(env) as base:
            assert get(f"{base}/ru/team/")[0] == 200
            as_postgres(*ctl, "stop", "-m", "fast")
            status, page = get(f"{base}/ru/team/")
            assert status == 503
            assert "Сайт временно недоступен" in page
            assert get(f"{base}/healthz")[0] == 503
            as_postgres(*ctl, "start")
            time.sleep(0.5)
            status, page = get(f"{base}/ru/team/")
            assert status == 200 and "Н. Н. Шавази" in page
            assert get(f"{base}/healthz")[0] == 200
    finally:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", *ctl, "stop", "-m", "immediate"],
            capture_output=True,
        )
        shutil.rmtree(data, ignore_errors=True)
