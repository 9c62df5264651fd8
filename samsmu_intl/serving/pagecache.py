"""The page cache: anonymous GET responses cached per URL and language, in the shared cache
(Redis when REDIS_URL is set), so that any number of app servers serve the same pages.

Any change to content (a save or delete in the department, partners or events apps) replaces
the "generation" token that every stored page is tagged with, so all servers drop all pages at
once. A short lifetime covers what changes with the clock alone (scheduled publishing, a
webinar's join link). Logged-in staff are never served, nor do they fill, the cache. When the
cache itself is down, pages are served uncached and the outage is logged once.

Why not Django's UpdateCacheMiddleware and FetchFromCacheMiddleware (as of Django 5.2,
django/middleware/cache.py and django/utils/cache.py): FetchFromCacheMiddleware goes last in
MIDDLEWARE, after LocaleMiddleware at least, whose request.LANGUAGE_CODE ends its keys, so a hit
still passes through the session, language, CSRF, authentication and messages middleware both
ways; ours takes the language from the URL and answers above them all. Its lookup is two round
trips in a row (the header list learnt for the URL, then the page under a key made from those
headers' values) and a store writes both; ours reads the generation and the page in one get_many
(one MGET). Its key hashes the request's value of each header in Vary, so a page that touched
the session varies on Cookie and is stored once per visitor's cookies; ours keys by URL and
language and stores no page that varies on Cookie or sets a cookie. Its pages only expire: their
keys are hashes that cannot be listed, and cache.clear() would also empty the rate limits kept
in the same cache; ours drops every page on every server with one new generation. It also adds
Expires and Cache-Control max-age to every stored page, so browsers would keep showing a page
after an edit, and its unguarded cache calls turn a Redis outage into a 500 on every page."""

import hashlib
import uuid

from django.conf import settings
from django.utils.cache import set_response_etag
from django.utils.translation import get_language_from_path

from samsmu_intl.serving.cache import cache_call

GENERATION_KEY = "page-cache:generation"
CACHED_METHODS = ("GET", "HEAD")
# Fields whose changes show on no cached page: a registration's email bookkeeping. Its
# creation, status and deletion do show (the event page counts the places and the waiting list).
UNSHOWN_FIELDS = {
    "events.registration": {
        "confirmation_sent_at",
        "reminder_sent_at",
        "recording_sent_at",
        "no_place_sent_at",
        "email_error",
    }
}


def new_generation():
    """The token for a cache that has none yet (first start, or Redis emptied); if another
    server set one meanwhile, theirs wins."""
    generation = uuid.uuid4().hex
    cache_call("add", GENERATION_KEY, generation, timeout=None)
    return cache_call("get", GENERATION_KEY, default=generation)


def invalidate_pages(**kwargs):
    sender, fields = kwargs.get("sender"), kwargs.get("update_fields")
    unshown = UNSHOWN_FIELDS.get(sender._meta.label_lower, set()) if sender is not None else set()
    if fields and fields <= unshown:
        return
    cache_call("set", GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def _page_key(request):
    # The page's language is its URL's (/uz/, /ru/, /en/); a page without one is the same in all.
    language = get_language_from_path(request.path_info) or ""
    digest = hashlib.sha256(f"{language}|{request.build_absolute_uri()}".encode()).hexdigest()
    return f"page-cache:{digest}"


def _cacheable_request(request):
    # Only visitors without a session: nobody logged in (staff always have one). Deciding so
    # from the cookie alone lets the cache answer before the session, language, CSRF,
    # authentication and messages middleware run at all.
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in CACHED_METHODS
        and request.path_info.startswith(settings.PAGE_CACHE_PATH_PREFIXES)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not response.has_header("Set-Cookie")
        and "no-store" not in response.get("Cache-Control", "")
        and "private" not in response.get("Cache-Control", "")
        and "Cookie" not in response.get("Vary", "")
    )


class StorePageMiddleware:
    """Outermost of the two (near the top of MIDDLEWARE): it sees the response as it leaves,
    with every cookie and Vary header that the inner middleware added, so that a page that
    sets a cookie (a CSRF token, a session, messages) is never stored for everyone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "page_cache_key", None)
        if key and _cacheable_response(response):
            # Tagged with the generation read before the page was made: if content changed
            # meanwhile, the page is already out of date and no one will be served it. Its
            # ETag is computed once here, not on every answer from the cache.
            set_response_etag(response)
            entry = (request.page_cache_generation, response)
            cache_call("set", key, entry, timeout=settings.PAGE_CACHE_SECONDS)
        return response


class ServeCachedPageMiddleware:
    """Right inside StorePageMiddleware: answers from the cache when it can, and otherwise marks
    the request for it. A stored page already carries every header the inner middleware added."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        key = _page_key(request)
        # The generation and the page in one round trip to the cache.
        found = cache_call("get_many", [GENERATION_KEY, key], default={})
        generation = found.get(GENERATION_KEY) or new_generation()
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            return entry[1]
        request.page_cache_key, request.page_cache_generation = key, generation
        return self.get_response(request)
