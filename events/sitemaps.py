"""The events' section of /sitemap.xml."""

from events.models import Event
from samsmu_intl.seo.sitemaps import PagesSitemap, PublishedSitemap


class EventPagesSitemap(PagesSitemap):
    pages = {"events:list": lambda: [Event.objects.published()]}


class EventSitemap(PublishedSitemap):
    model = Event
