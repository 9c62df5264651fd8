"""Real gunicorn servers (and the Redis they share) on 127.0.0.1, for the system tests: what only
a running deployment shows."""

import contextlib
import functools
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
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
