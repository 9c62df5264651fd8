"""A per-address hourly limit for public forms, counted in the shared cache so that it holds
across app servers. When the cache is down, nobody is limited (forms keep working)."""

from samsmu_intl.serving.cache import cache_call
from samsmu_intl.serving.client import client_address

WINDOW_SECONDS = 3600


def over_hourly_limit(request, scope, limit, per=None):
    """Count one more use of `scope` and say whether it passed `limit` this hour. The count is
    per visitor's address, or per `per` when given (e.g. a hash of the email address asked
    about, so that many visitors together cannot send one person a flood of emails)."""
    counted = per if per is not None else client_address(request) or "unknown"
    key = f"rate:{scope}:{counted}"
    cache_call("add", key, 0, timeout=WINDOW_SECONDS)
    attempts = cache_call("incr", key, default=None)
    if attempts is None:  # expired between add and incr, or the cache is down
        cache_call("set", key, 1, timeout=WINDOW_SECONDS)
        attempts = 1
    return attempts > limit
