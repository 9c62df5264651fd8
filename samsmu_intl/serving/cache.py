"""The shared cache: calls that survive its outages, and Django's Redis backend keeping one
redis-py client per connection pool."""

import logging
import random

import redis as redis_py
from django.core.cache import cache
from django.core.cache.backends import redis as redis_backend

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


class ReusingRedisCacheClient(redis_backend.RedisCacheClient):
    """Django builds a new redis.Redis for every cache operation, and redis-py fills a table
    of some 170 response callbacks in each one: with two operations per cached page, that was
    a third of what serving the page cost. A client takes its connections from the pool as it
    needs them and is safe to share between threads, so one per pool serves every call.

    The pools and clients are made here with redis-py's public API, from the server URLs and
    OPTIONS (redis-py's connection arguments, such as the socket timeouts) that Django's
    backend passes to its client; Django's own methods (get, get_many, set, ...) reach them
    through get_client(), the method Django keeps for custom clients to override."""

    def __init__(self, servers, serializer=None, **connection_options):
        super().__init__(servers, serializer=serializer)
        self._writer, *readers = [
            redis_py.Redis(
                connection_pool=redis_py.ConnectionPool.from_url(url, **connection_options)
            )
            for url in servers
        ]
        self._readers = readers or [self._writer]

    def get_client(self, key=None, *, write=False):
        # As Django does: write to the first server, read from the others if there are more.
        return self._writer if write else random.choice(self._readers)


class RedisCache(redis_backend.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        # Django's RedisCache has no public way to choose its client class: `_class` is the
        # one private name used here. pyproject.toml pins Django below 5.3 and
        # tests/test_cache_backend.py fails, naming this line, if Django stops reading it.
        self._class = ReusingRedisCacheClient
