import os
import subprocess
import sys
from pathlib import Path

import pytest

from samsmu_intl.serving.cache import RedisCache, ReusingRedisCacheClient
from tests.servers import redis_is_up

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.system
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


OPTIONS = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}


def test_django_still_builds_the_cache_client_from_the_private_name_we_set():
    # Made as Django makes the cache from settings.CACHES; redis-py connects on first use only.
    backend = RedisCache("redis://127.0.0.1:6379/15", {"OPTIONS": OPTIONS})
    assert isinstance(getattr(backend, "_cache", None), ReusingRedisCacheClient), (
        "Django's RedisCache no longer makes its client from `self._class` (read by its "
        "`_cache` property): samsmu_intl.serving.cache.RedisCache sets that private name, so "
        "every cache call is back to a new redis-py client; choose the client the new way"
    )


def test_one_client_per_server_writes_to_the_first_and_reads_from_the_others():
    # The servers and OPTIONS as Django's backend passes them.
    client = ReusingRedisCacheClient(
        ["redis://10.0.0.1:6379/0", "redis://10.0.0.2:6379/0"], **OPTIONS
    )
    writer = client.get_client(write=True)
    reader = client.get_client("key")
    assert [writer.get_connection_kwargs()["host"], reader.get_connection_kwargs()["host"]] == [
        "10.0.0.1",
        "10.0.0.2",
    ]
    assert writer is client.get_client(write=True) and reader is client.get_client("other")
    # The OPTIONS reach the connections: a cache that does not answer is given up quickly.
    assert writer.get_connection_kwargs()["socket_timeout"] == 0.5


def test_with_one_server_reads_and_writes_share_one_client():
    client = ReusingRedisCacheClient(["redis://127.0.0.1:6379/15"], **OPTIONS)
    assert client.get_client("key") is client.get_client(write=True)
