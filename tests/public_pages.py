"""Every public page type, in one list: the guards, the HTML validity, accessibility, fuzz, SEO
and backup tests all walk it, and test_site_guards checks it against the URL resolver, so a new
public URL is tested everywhere the day it appears (or that check fails). The content the
detail pages show comes from the `public_site` fixture in conftest.py."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation

LANGUAGES = ("uz", "ru", "en")


@dataclass(frozen=True)
class PublicUrl:
    name: str  # as the resolver knows it: "partners:detail"
    slug: str | None = None
    token: str | None = None  # a personal link's (REGISTRATION_TOKEN)
    slug_name: str = "slug"  # what the URL calls it: a certificate's is its "code"
    html: bool = True  # a page a person reads, not a feed, calendar, image or robots.txt
    form: bool = False  # visitors post a form to it

    def path(self, language="en"):
        kwargs = {self.slug_name: self.slug}
        if self.token:
            kwargs["token"] = self.token
        with translation.override(language):
            return reverse(self.name, kwargs=kwargs if self.slug else None)

    @property
    def localized(self):
        """Under a language prefix (/uz/, /ru/, /en/), unlike /sitemap.xml or /healthz."""
        return self.path("uz") != self.path("en")

    def __str__(self):
        return f"{self.name}-{self.slug}" if self.slug else self.name


# The public_site fixture's registration for the webinar: its personal link is signed with
# its number and address, so they are fixed (a number no sequence reaches in a test run).
SITE_REGISTRATION = {"pk": 900_000_001, "email": "guest@example.org"}
# Someone who attended the seed's past forum, and their certificate.
SITE_ATTENDEE = {"pk": 900_000_002, "email": "attendee@example.org"}
SITE_CERTIFICATE_CODE = "CERT0-00001"
PAST_EVENT = "forum-yeditepe-university-2024"


def _registration_token(fields):
    from events.models import Registration

    return Registration(**fields).link_token


REGISTRATION_TOKEN = _registration_token(SITE_REGISTRATION)
ATTENDEE_TOKEN = _registration_token(SITE_ATTENDEE)

# The slugs are the seed's or the public_site fixture's.
PUBLIC_URLS = [
    PublicUrl("department:landing"),
    PublicUrl("department:team"),
    PublicUrl("department:contact", form=True),
    PublicUrl("partners:list"),
    PublicUrl("partners:map"),
    PublicUrl("partners:map-svg", html=False),
    PublicUrl("partners:detail", "yeditepe-university"),
    PublicUrl("partners:program-list"),
    PublicUrl("partners:program-detail", "summer-school"),
    PublicUrl("events:list"),
    PublicUrl("events:calendar", html=False),
    PublicUrl("events:feed", html=False),
    PublicUrl("events:detail", PAST_EVENT),  # past, in person
    PublicUrl("events:detail", "webinar"),  # upcoming, online, open for registration
    PublicUrl("events:register", "webinar", form=True),
    PublicUrl("events:ics", "webinar", html=False),
    PublicUrl("events:registration", "webinar", REGISTRATION_TOKEN),
    PublicUrl("events:cancel-registration", "webinar", REGISTRATION_TOKEN, form=True),
    PublicUrl("certificates:verify", SITE_CERTIFICATE_CODE, slug_name="code"),
    PublicUrl("certificates:attendee", PAST_EVENT, ATTENDEE_TOKEN, html=False),
    PublicUrl("news:list"),
    PublicUrl("news:feed", html=False),
    PublicUrl("news:detail", "exchange-report"),  # the public_site fixture's article
    PublicUrl("applicants:guide"),
    PublicUrl("applicants:documents"),
    PublicUrl("sitemap", html=False),
    PublicUrl("robots-txt", html=False),
    PublicUrl("healthz", html=False),
]
PUBLIC_PAGES = [url for url in PUBLIC_URLS if url.html]
FORM_PAGES = [url for url in PUBLIC_URLS if url.form]

# What the resolver holds besides the URLs above, and why it is no public page type. The staff's
# admin (all under /admin/) and previews (views with PreviewMixin) are recognised as such.
NOT_PUBLIC = {
    "set_language": "the admin's language choice, a POST; the public site switches by links",
    "samsmu_intl.views.favicon": "a redirect to the icon among the static files",
    "samsmu_intl.views.media": "uploaded files, served by Django only when debugging",
    "events:join": "a registrant's way into a webinar, a redirect while it runs (test_attendance)",
}


def language_paths(urls=PUBLIC_PAGES):
    """(language, path) for each URL in each language; once for a URL without a language."""
    for url in urls:
        for language in LANGUAGES if url.localized else (None,):
            yield language, url.path(language)
