"""The shared cache: calls that survive its outages, and Django's Redis backend keeping one
redis-py client per connection pool."""

import logging

from django.core.cache import cache
from django.core.cache.backends import redis

logger = logging.getLogger(__name__)


class _CacheHealth:
    """Logs the first failure of an outage and the recovery, not every request in between."""

    down = False

    def failed(self, error):
        if not self.down:
            logger.error("Cache unavailable, serving pages uncached: %s", error)
        self.down = True

    def worked(self):
        if self.down:
            logger.warning("Cache available again.")
        self.down = False


health = _CacheHealth()


def cache_call(method, *args, default=None, **kwargs):
    """Call a cache method; on any failure of the cache server, return `default`."""
    try:
        result = getattr(cache, method)(*args, **kwargs)
    except Exception as error:  # the backend's own connection errors vary (redis, socket)
        health.failed(error)
        return default
    health.worked()
    return result


class ReusingRedisCacheClient(redis.RedisCacheClient):
    """Django builds a new redis.Redis for every cache operation, and redis-py fills a table
    of some 170 response callbacks in each one: with two operations per cached page, that was
    a third of what serving the page cost. A client takes its connections from the pool as it
    needs them and is safe to share between threads, so one per pool serves every call."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            pool = self._get_connection_pool(write)
            self._clients[index] = self._client(connection_pool=pool)
        return self._clients[index]


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
