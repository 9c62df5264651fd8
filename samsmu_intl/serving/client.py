"""Who is asking: the visitor's own address, also behind the project's reverse proxy."""

import ipaddress

from django.conf import settings


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
    forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",")]
    if len(forwarded) < proxies:
        return remote  # not through the proxies (a health check on the app server itself)
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
