"""The deployment kit with the real programs: Debian's nginx, run with the shipped site (only its
ports, paths and host name filled in for this machine), in front of gunicorn started as the
shipped samsmu-intl.service starts it, on a scratch site of its own (SQLite, seed content)."""

import gzip
import io
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from deploy.local import NGINX, LocalSite
from samsmu_intl.department.views import INQUIRIES_PER_ADDRESS_PER_HOUR
from tests.admin_forms import fields_of
from tests.conftest import EDITORS_GROUP
from tests.servers import ROOT, Visitor, collected_static_root

pytestmark = [
    pytest.mark.system,
    pytest.mark.skipif(
        NGINX is None and not os.environ.get("CI"), reason="needs nginx (apt-get install nginx)"
    ),
]
SHIPPED_SITE = ROOT / "deploy" / "nginx" / "samsmu-intl.conf"
MICROCACHE_SECONDS = int(re.search(r"proxy_cache_valid 200 (\d+)s;", SHIPPED_SITE.read_text())[1])
PASSWORD = "A long passphrase for tests 7"


# In one process, as each start of Django costs seconds. Two editors (superusers would first be
# asked to set up a second factor).
SET_UP_SITE = f"""
from django.contrib.auth.models import Group, User
from django.core.management import call_command
call_command("load_seed", verbosity=0)
call_command("render_error_pages", verbosity=0)
editors = Group.objects.get(name={EDITORS_GROUP!r})
for name in ("editor", "aziza"):
    user = User.objects.create_user(name, f"{{name}}@example.org", {PASSWORD!r}, is_staff=True)
    user.groups.add(editors)
"""


def manage(app_settings, *args):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **app_settings},
        check=True,
        capture_output=True,
    )


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """One scratch site for the module: its database, static files with the error pages, a
    logo in the public media and a signed agreement in the private media."""
    folder = tmp_path_factory.mktemp("nginx-site")
    static_root = Path(collected_static_root())
    paths = {
        "STATIC_ROOT": str(static_root),
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
    }
    app_settings = {
        "DJANGO_DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_URL": "https://127.0.0.1",  # each site's own, with its port, when it runs
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "TRUSTED_PROXY_COUNT": "1",
        "SECURE_SSL_REDIRECT": "true",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "ERROR",
        # One worker: without Redis, each worker has its own page cache and rate limits.
        "WEB_CONCURRENCY": "1",
        **paths,
    }
    manage(app_settings, "migrate", "--noinput")
    manage(app_settings, "shell", "--no-imports", "-c", SET_UP_SITE)
    logo = folder / "media" / "partners" / "logos" / "logo.png"
    logo.parent.mkdir(parents=True)
    logo.write_bytes(png_bytes())
    agreement = folder / "private-media" / "agreements" / "memo.pdf"
    agreement.parent.mkdir(parents=True)
    agreement.write_bytes(b"%PDF-1.4 signed memorandum")
    return {"folder": folder, "settings": app_settings, "paths": paths}


def local_site(scratch):
    folder = scratch["folder"] / uuid.uuid4().hex[:8]
    folder.mkdir()
    paths = {name.lower(): Path(path) for name, path in scratch["paths"].items()}
    return LocalSite(folder, **paths)


def settings_for(site, scratch, **overrides):
    return {
        **scratch["settings"],
        "ALLOWED_HOSTS": site.domain,
        "CSRF_TRUSTED_ORIGINS": site.base,
        "SITE_URL": site.base,
        **overrides,
    }


@pytest.fixture(scope="module")
def site(scratch):
    """nginx and gunicorn for the module's tests that leave both running."""
    site = local_site(scratch)
    with site.app(settings_for(site, scratch)), site.nginx():
        yield site


@pytest.fixture
def own_site(scratch):
    """A site of the test's own, for tests that reload or stop gunicorn."""
    return local_site(scratch)


def cache_status(answer):
    return answer.headers["X-Cache-Status"]


# The shipped files ----------------------------------------------------------------------------


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None and not os.environ.get("CI"),
    reason="needs systemd-analyze (apt-get install systemd)",
)
def test_the_shipped_files_pass_nginx_t_and_systemd_analyze_verify(tmp_path):
    site = LocalSite(tmp_path, tmp_path / "static", tmp_path / "media", tmp_path / "private")
    assert site.check_nginx() == ""
    assert site.check_systemd() == ""


# nginx in front of gunicorn -------------------------------------------------------------------


def test_plain_http_is_redirected_to_https(site):
    answer = Visitor(site).request("GET", "/en/partners/?q=x", tls=False)
    assert answer.status == 301
    assert answer.headers["Location"] == f"https://{site.domain}/en/partners/?q=x"


def test_static_files_come_from_nginx_precompressed_and_cached_for_a_year(site):
    manifest = json.loads((site.static_root / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    answer = Visitor(site).get(f"/static/{hashed}", **{"Accept-Encoding": "gzip"})
    assert answer.status == 200
    assert answer.headers["Content-Encoding"] == "gzip"
    assert answer.body == (site.static_root / f"{hashed}.gz").read_bytes()  # WhiteNoise's file
    assert gzip.decompress(answer.body) == (site.static_root / hashed).read_bytes()
    assert answer.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert answer.headers["Vary"] == "Accept-Encoding"
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert "Permissions-Policy" not in answer.headers  # Django never saw the request
    plain = Visitor(site).get("/static/css/site.css")
    assert plain.headers["Cache-Control"] == "public, max-age=60"


def test_media_is_served_with_its_type_and_nosniff_and_agreements_by_no_url(site):
    visitor = Visitor(site)
    logo = visitor.get("/media/partners/logos/logo.png")
    assert logo.status == 200 and logo.body == png_bytes()
    assert logo.headers["Content-Type"] == "image/png"
    assert logo.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in logo.headers["Content-Security-Policy"]
    for path in (
        "/media/agreements/memo.pdf",
        "/media/../private-media/agreements/memo.pdf",
        "/media/..%2fprivate-media/agreements/memo.pdf",
        "/private-media/agreements/memo.pdf",
    ):
        answer = visitor.get(path)
        assert answer.status in (400, 404), path
        assert b"%PDF" not in answer.body
    missing = visitor.get("/media/agreements/memo.pdf")
    assert '<html lang="uz">' in missing.text  # the site's own "page not found"


def test_the_second_anonymous_request_is_a_microcache_hit(site):
    visitor = Visitor(site)
    first, second = visitor.get("/en/team/"), visitor.get("/en/team/")
    assert (cache_status(first), cache_status(second)) == ("MISS", "HIT")
    assert second.body == first.body and "Shavazi" in second.text
    assert cache_status(visitor.request("HEAD", "/en/team/")) == "HIT"
    russian = visitor.get("/ru/team/")  # another language, another page
    assert cache_status(russian) == "MISS" and "Шавази" in russian.text
    assert cache_status(visitor.get("/en/team/?page=1")) == "MISS"


def test_a_visitor_with_a_session_is_never_served_from_nor_stored_in_the_microcache(site):
    staff = Visitor(site)
    assert staff.log_in("editor", PASSWORD).status == 302
    answers = [staff.get("/ru/events/") for _ in range(3)]
    assert [cache_status(answer) for answer in answers] == ["BYPASS"] * 3
    assert cache_status(Visitor(site).get("/ru/events/")) == "MISS"  # nothing was stored
    assert cache_status(Visitor(site).get("/ru/events/")) == "HIT"
    assert cache_status(staff.get("/ru/events/")) == "BYPASS"


def test_a_page_with_a_form_is_never_cached(site):
    # Django sends the CSRF cookie with every page that has a form, to renew it.
    newcomer, returning = Visitor(site), Visitor(site)
    returning.get("/en/contact/")
    answers = [newcomer.get("/en/contact/"), returning.get("/en/contact/")]
    answers += [newcomer.get("/en/contact/"), Visitor(site).get("/en/contact/")]
    assert all("csrftoken=" in answer.headers["Set-Cookie"] for answer in answers)
    assert [cache_status(answer) for answer in answers] == ["MISS"] * 4


def test_an_admin_edit_reaches_anonymous_visitors_within_the_microcache_lifetime(site):
    anonymous, editor = Visitor(site), Visitor(site)
    anonymous.get("/en/team/")
    assert cache_status(anonymous.get("/en/team/")) == "HIT"
    assert editor.log_in("editor", PASSWORD).status == 302
    changelist = editor.get("/admin/department/staffmember/?q=shavazi").text
    change = re.search(r'href="(/admin/department/staffmember/\d+/change/)', changelist).group(1)
    fields = fields_of(editor.get(change).text, "staffmember_form")
    new_position = f"Head of International Cooperation {uuid.uuid4().hex[:6]}"
    fields["position_en"] = [new_position]
    assert cache_status(anonymous.get("/en/team/")) == "HIT"
    assert editor.post(change, fields).status == 302
    saved = time.monotonic()
    while new_position not in anonymous.get("/en/team/").text:
        assert time.monotonic() - saved < MICROCACHE_SECONDS + 1.5, "the edit did not show"
        time.sleep(0.2)


def test_form_limits_go_by_each_visitors_own_address_through_nginx(site):
    question = {
        "name": "Maria Ivanova",
        "country": "KZ",
        "topic": "admission",
        "message": "How do I apply?",
        "consent": "on",
        "website": "",
    }
    first, second = Visitor(site, "127.0.0.2"), Visitor(site, "127.0.0.3")
    first.get("/en/contact/")
    second.get("/en/contact/")
    for number in range(INQUIRIES_PER_ADDRESS_PER_HOUR):
        answer = first.post("/en/contact/", {**question, "email": f"m{number}@example.org"})
        assert answer.status == 302
    assert first.post("/en/contact/", {**question, "email": "m@example.org"}).status == 429
    spoofed = first.post(
        "/en/contact/",
        {**question, "email": "m@example.org"},
        **{"X-Forwarded-For": "198.51.100.7"},
    )
    assert spoofed.status == 429  # its own claim is ignored: nginx appended its real address
    assert second.post("/en/contact/", {**question, "email": "o@example.org"}).status == 302


def test_the_login_lockout_goes_by_each_visitors_own_address_through_nginx(site):
    guesser, colleague = Visitor(site, "127.0.0.4"), Visitor(site, "127.0.0.5")
    answers = [guesser.log_in("aziza", f"wrong {n}") for n in range(settings.AXES_FAILURE_LIMIT)]
    assert [answer.status for answer in answers][-1] == 429
    guesser.get("/admin/login/")
    fields = {"username": "aziza", "password": PASSWORD, "next": "/admin/"}
    spoofed = guesser.post("/admin/login/", fields, **{"X-Forwarded-For": "198.51.100.8"})
    assert spoofed.status == 429
    assert colleague.log_in("aziza", PASSWORD).status == 302


def test_a_20_mb_upload_answers_the_sites_file_too_large_page(site):
    staff = Visitor(site)
    assert staff.log_in("editor", PASSWORD).status == 302
    staff.cookies["django_language"] = "ru"
    boundary = "samsmu-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="logo"; filename="big.png"\r\n'
            f"Content-Type: image/png\r\n\r\n"
        ).encode()
        + b"\0" * (20 * 1024 * 1024)
        + f"\r\n--{boundary}--\r\n".encode()
    )
    answer = staff.request(
        "POST",
        "/admin/partners/partner/add/",
        body,
        {"Content-Type": f"multipart/form-data; boundary={boundary}", "Origin": site.base},
    )
    assert answer.status == 413
    assert answer.headers["Content-Type"] == "text/html; charset=utf-8"
    assert '<html lang="ru">' in answer.text
    assert "<h1>Файл слишком большой</h1>" in answer.text
    assert "не более 13,0\xa0МБ в сумме" in answer.text
    assert re.search(r'href="/static/css/site\.[0-9a-f]{12}\.css"', answer.text)
    assert "nginx" not in answer.text


# Reloading and stopping gunicorn --------------------------------------------------------------


def test_a_graceful_reload_under_load_loses_no_request(own_site, scratch):
    answers, stop = [], threading.Event()

    def load(number):
        visitor = Visitor(own_site)
        while not stop.is_set():
            # Never cached: each goes to gunicorn (a search, the form, the health check).
            for path in (f"/en/partners/?q=r{number}-{len(answers)}", "/en/contact/", "/healthz"):
                started = time.monotonic()
                status = visitor.get(path).status
                answers.append((started, time.monotonic(), status))

    app_settings = settings_for(own_site, scratch, WEB_CONCURRENCY="2")
    with own_site.app(app_settings) as app, own_site.nginx():
        workers = app.workers()
        threads = [threading.Thread(target=load, args=(n,)) for n in range(6)]
        for thread in threads:
            thread.start()
        time.sleep(0.5)
        reloaded = time.monotonic()
        app.reload()
        # Until the new workers have answered requests made after the reload.
        deadline = reloaded + 60
        while sum(started > reloaded + 0.2 for started, _, _ in answers) < 12:
            assert time.monotonic() < deadline, "the new workers did not answer"
            time.sleep(0.1)
        stop.set()
        for thread in threads:
            thread.join()
        assert app.workers().isdisjoint(workers)  # every worker was replaced
    assert any(started < reloaded < ended for started, ended, _status in answers)
    assert {status for _started, _ended, status in answers} == {200}


def test_an_app_server_that_is_down_answers_the_sites_503_page_and_cached_pages_stay(
    own_site, scratch
):
    visitor = Visitor(own_site)
    with own_site.nginx():
        with own_site.app(settings_for(own_site, scratch)):
            visitor.get("/en/team/")
        time.sleep(MICROCACHE_SECONDS + 0.5)
        stale = visitor.get("/en/team/")
        assert stale.status == 200 and cache_status(stale) == "STALE"
        assert "Shavazi" in stale.text
        down = visitor.get("/ru/contact/")
    assert down.status == 503
    assert "<h1>Сайт временно недоступен</h1>" in down.text
    assert down.headers["Cache-Control"] == "no-store"
