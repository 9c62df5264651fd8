"""The sitemap mechanism: every page in every language, with hreflang alternates. Each app
describes its own section (partners/sitemaps.py, events/sitemaps.py, ...); the project's
urls.py puts the sections together into /sitemap.xml."""

from types import SimpleNamespace
from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from samsmu_intl.serving.origin import site_origin_for


class TrilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page=1, site=None, protocol=None):
        # Django's view passes the request's scheme and its host (as a RequestSite); the links
        # take the site's origin, as every absolute link does.
        origin = urlsplit(site_origin_for(self.get_protocol(protocol), self.get_domain(site)))
        return super().get_urls(page, SimpleNamespace(domain=origin.netloc), origin.scheme)


class PublishedSitemap(TrilingualSitemap):
    """One published model's pages, each with the time it last changed."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("pk").only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at


class PagesSitemap(TrilingualSitemap):
    """Pages known by their URL name (the home page, the lists). `pages` maps each name to
    the querysets of what the page shows: its lastmod is the newest change among them."""

    changefreq = "weekly"
    pages = {}

    def items(self):
        return list(self.pages)

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        return newest_change(*self.pages[item]())


def newest_change(*querysets):
    """When any item of these querysets last changed or appeared (a scheduled item appears when
    its time comes, long after its last edit); None for nothing."""
    moments = []
    for queryset in querysets:
        names = [name for name in ("updated_at", "published_at") if _has_field(queryset, name)]
        found = queryset.order_by().aggregate(**{name: Max(name) for name in names})
        moments += [moment for moment in found.values() if moment is not None]
    return max(moments, default=None)


def _has_field(queryset, name):
    return any(field.name == name for field in queryset.model._meta.concrete_fields)
