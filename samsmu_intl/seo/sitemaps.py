"""The sitemap mechanism: every page in every language, with hreflang alternates. Each app
describes its own section (partners/sitemaps.py, events/sitemaps.py, ...); the project's
urls.py puts the sections together into /sitemap.xml."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class TrilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    # SITE_URL when set, as every absolute link (samsmu_intl.serving.origin); else the request's.
    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc if settings.SITE_URL else super().get_domain(site)

    def get_protocol(self, protocol=None):
        if settings.SITE_URL:
            return urlsplit(settings.SITE_URL).scheme
        return super().get_protocol(protocol)


class PublishedSitemap(TrilingualSitemap):
    """One published model's pages, each with the time it last changed."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class PagesSitemap(TrilingualSitemap):
    """Pages known by their URL name (the home page, the lists)."""

    changefreq = "weekly"
    url_names = ()

    def items(self):
        return list(self.url_names)

    def location(self, item):
        return reverse(item)
