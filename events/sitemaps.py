"""The events' section of /sitemap.xml."""

from events.models import Event
from samsmu_intl.seo.sitemaps import PagesSitemap, PublishedSitemap


class EventPagesSitemap(PagesSitemap):
    url_names = ("events:list",)


class EventSitemap(PublishedSitemap):
    model = Event
