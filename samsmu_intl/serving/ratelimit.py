"""A per-address hourly limit for public forms, counted in the shared cache so that it holds
across app servers. When the cache is down, nobody is limited (forms keep working)."""

from samsmu_intl.serving.cache import cache_call
from samsmu_intl.serving.client import client_address

WINDOW_SECONDS = 3600


def over_hourly_limit(request, scope, limit):
    key = f"rate:{scope}:{client_address(request) or 'unknown'}"
    cache_call("add", key, 0, timeout=WINDOW_SECONDS)
    attempts = cache_call("incr", key, default=None)
    if attempts is None:  # expired between add and incr, or the cache is down
        cache_call("set", key, 1, timeout=WINDOW_SECONDS)
        attempts = 1
    return attempts > limit
