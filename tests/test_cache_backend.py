import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
REDIS = ("127.0.0.1", 6379)


def redis_is_up():
    try:
        socket.create_connection(REDIS, timeout=1).close()
    except OSError:
        return False
    return True


@pytest.mark.skipif(
    not redis_is_up() and not os.environ.get("CI"), reason="no Redis on 127.0.0.1:6379"
)
def test_redis_url_makes_the_cache_shared_through_redis():
    code = (
        "from django.core.cache import cache; from django.conf import settings; "
        "cache.set('probe', 'shared', 30); "
        "client = cache._cache.get_client(write=True); "
        "print(settings.CACHES['default']['BACKEND'], cache.get('probe'), "
        "client is cache._cache.get_client(write=True))"
    )
    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6379/15", "DJANGO_DEBUG": "true"}
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    last_line = result.stdout.strip().splitlines()[-1]
    # One redis-py client serves every call (Django's own backend builds one per call).
    assert last_line.split() == ["samsmu_intl.serving.cache.RedisCache", "shared", "True"]


def test_without_redis_url_the_cache_is_local_memory(settings):
    assert settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")
