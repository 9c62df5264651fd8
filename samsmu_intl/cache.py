"""Django's Redis cache backend, keeping one redis-py client per connection pool."""

from django.core.cache.backends import redis


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
