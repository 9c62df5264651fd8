"""The site's origin (scheme and host), the one place absolute links are made from.

Canonical links, hreflang, sitemaps, feeds, calendars and emails all ask here. SITE_URL wins
whenever it is set (production requires it). Without it a page uses the host it was asked for,
and what has no request (an email sent by a command) uses the local development server's
address, on the port `make run` serves (PORT)."""

import os
from urllib.parse import urlsplit

from django.conf import settings


def site_origin(request=None):
    if request is not None:
        return site_origin_for(request.scheme, request.get_host())
    return site_origin_for("http", f"127.0.0.1:{os.environ.get('PORT', '8000')}")


def site_origin_for(scheme, host):
    """The origin of links made for a request to scheme://host (all Django hands a sitemap)."""
    return settings.SITE_URL or f"{scheme}://{host}"


def absolute_url(path, request=None):
    """`path` (starting with /) as an absolute URL."""
    return site_origin(request) + path


def site_host(request=None):
    """The host name alone, without port: for identifiers such as calendar UIDs and tag URIs."""
    return urlsplit(site_origin(request)).hostname
