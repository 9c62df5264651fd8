"""/sitemap.xml: every published public page, in every language, with hreflang alternates."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from events.models import Event
from partners.models import Partner, Program


class TrilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_domain(self, site=None):
        if settings.SITE_URL:
            return urlsplit(settings.SITE_URL).netloc
        return super().get_domain(site)

    def get_protocol(self, protocol=None):
        if settings.SITE_URL:
            return urlsplit(settings.SITE_URL).scheme
        return super().get_protocol(protocol)


class SectionSitemap(TrilingualSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "department:landing",
            "department:team",
            "partners:list",
            "partners:map",
            "partners:program-list",
            "events:list",
        ]

    def location(self, item):
        return reverse(item)


class PartnerSitemap(TrilingualSitemap):
    def items(self):
        return Partner.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, partner):
        return partner.updated_at


class ProgramSitemap(TrilingualSitemap):
    def items(self):
        return Program.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, program):
        return program.updated_at


class EventSitemap(TrilingualSitemap):
    def items(self):
        return Event.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, event):
        return event.updated_at


SITEMAPS = {
    "sections": SectionSitemap,
    "partners": PartnerSitemap,
    "programs": ProgramSitemap,
    "events": EventSitemap,
}
