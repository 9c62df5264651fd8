"""Real gunicorn servers (and the Redis they share) on 127.0.0.1, for the system tests: what only
a running deployment shows."""

import contextlib
import dataclasses
import functools
import http.client
import http.cookies
import os
import secrets
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).parent / "gunicorn"


def redis_is_up():
    """Whether the Redis of the shared-cache tests answers on 127.0.0.1:6379."""
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
    except OSError:
        return False
    return True


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(settings_dict):
    user = settings_dict.get("USER") or "postgres"
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}@{host}:{port}/{settings_dict['NAME']}"


@functools.cache
def collected_static_root():
    """Production serves hashed static files (manifest storage): collect them once per run."""
    root = tempfile.mkdtemp(prefix="samsmu-static-")
    env = {
        **os.environ,
        "DJANGO_DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SITE_URL": "http://127.0.0.1",
        "STATIC_ROOT": root,
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return root


def production_env(**overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_DEBUG", "SECRET_KEY")
    }
    env.update(
        DJANGO_DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL="http://127.0.0.1",  # gunicorn() gives each server its own
        # Plain HTTP on loopback: the cookies must travel without TLS.
        SESSION_COOKIE_SECURE="false",
        CSRF_COOKIE_SECURE="false",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=collected_static_root(),
        LOG_LEVEL="ERROR",
    )
    env.update(overrides)
    return env


def get(url, opener=None, data=None):
    """(status, body) for a request; errors are answers too."""
    opener = opener or urllib.request.build_opener()
    try:
        with opener.open(url, data=data, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


@contextlib.contextmanager
def gunicorn(env):
    port = free_port()
    env = {**env, "SITE_URL": f"http://127.0.0.1:{port}"}
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "samsmu_intl.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--worker-class",
            "gthread",
            "--threads",
            "2",
            "--no-control-socket",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@dataclasses.dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self):
        return self.body.decode()


class Visitor:
    """A browser at an address of its own (127.0.0.0/8 is all this machine), keeping its cookies
    and speaking HTTPS to a site on 127.0.0.1 whose test certificate it trusts."""

    def __init__(self, site, address="127.0.0.1"):
        self.site, self.address, self.cookies = site, address, {}
        self.tls = ssl.create_default_context(cafile=str(site.certificate))

    def request(self, method, path, body=None, headers=None, tls=True):
        if tls:
            connection = http.client.HTTPSConnection(
                self.site.domain, self.site.https_port, context=self.tls, timeout=30,
                source_address=(self.address, 0),
            )  # fmt: skip
        else:
            connection = http.client.HTTPConnection(
                self.site.domain, self.site.http_port, timeout=30, source_address=(self.address, 0)
            )
        headers = dict(headers or {})
        if self.cookies:
            headers.setdefault("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        try:
            connection.request(method, path, body, headers)
            response = connection.getresponse()
            answer = Answer(response.status, response.headers, response.read())
        finally:
            connection.close()
        for header in answer.headers.get_all("Set-Cookie") or []:
            for name, morsel in http.cookies.SimpleCookie(header).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return answer

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields, **headers):
        """A form as a browser sends it: with the CSRF token of the cookie and the Origin."""
        fields = {"csrfmiddlewaretoken": self.cookies.get("csrftoken", ""), **fields}
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": self.site.base,
            **headers,
        }
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        return self.request("POST", path, body, headers)

    def log_in(self, username, password):
        self.get("/admin/login/")  # the CSRF cookie
        return self.post(
            "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
        )
