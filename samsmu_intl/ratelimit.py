"""A per-address hourly limit for public forms, counted in the shared cache so that it holds
across app servers. When the cache is down, nobody is limited (forms keep working)."""

from samsmu_intl.pagecache import cache_call

WINDOW_SECONDS = 3600


def client_address(request):
    # gunicorn behind the proxy sets REMOTE_ADDR from X-Forwarded-For (--forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "unknown")


def over_hourly_limit(request, scope, limit):
    key = f"rate:{scope}:{client_address(request)}"
    cache_call("add", key, 0, timeout=WINDOW_SECONDS)
    attempts = cache_call("incr", key, default=None)
    if attempts is None:  # expired between add and incr, or the cache is down
        cache_call("set", key, 1, timeout=WINDOW_SECONDS)
        attempts = 1
    return attempts > limit
