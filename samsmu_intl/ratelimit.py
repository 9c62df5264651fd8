"""A per-address hourly limit for public forms, counted in the shared cache so that it holds
across app servers. When the cache is down, nobody is limited (forms keep working)."""

import ipaddress

from django.conf import settings

from samsmu_intl.pagecache import cache_call

WINDOW_SECONDS = 3600


def client_address(request):
    """The visitor's address, for the form limits and the login lockout (AXES_CLIENT_IP_CALLABLE).

    Behind a proxy REMOTE_ADDR is the proxy's, the same for every visitor: gunicorn does not
    take X-Forwarded-For into account. With TRUSTED_PROXY_COUNT proxies in front, each appending
    the address it was called from, the visitor's is the one the outermost of them appended,
    counted from the right; whatever a client put further left is its own claim and ignored."""
    remote = request.META.get("REMOTE_ADDR")  # None for a request made in code (force_login)
    proxies = settings.TRUSTED_PROXY_COUNT
    if not proxies:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return remote  # not through the proxies (a health check on the app server itself)
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def over_hourly_limit(request, scope, limit):
    key = f"rate:{scope}:{client_address(request) or 'unknown'}"
    cache_call("add", key, 0, timeout=WINDOW_SECONDS)
    attempts = cache_call("incr", key, default=None)
    if attempts is None:  # expired between add and incr, or the cache is down
        cache_call("set", key, 1, timeout=WINDOW_SECONDS)
        attempts = 1
    return attempts > limit
