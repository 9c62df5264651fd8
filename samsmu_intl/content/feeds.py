"""The Atom feed of a kind of published content (events, news): entries in the page's language,
dated by when visitors first saw them and when they last changed, never in the future."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed

from samsmu_intl.content.languages import localized
from samsmu_intl.serving.origin import absolute_url, site_host


class ContentFeed(Feed):
    """Subclasses give title, author_name, subtitle, items, and `guid_prefix` ("event")."""

    feed_type = Atom1Feed
    guid_prefix = None
    item_guid_is_permalink = False

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def link(self):
        return absolute_url(self.request.path.rsplit("feed/", 1)[0], self.request)

    def feed_url(self):
        return absolute_url(self.request.path, self.request)

    def feed_guid(self):
        return self.feed_url()

    def item_title(self, item):
        return str(localized(item, "title"))

    def item_description(self, item):
        return str(localized(item, "summary"))

    def item_link(self, item):
        return absolute_url(item.get_absolute_url(), self.request)

    def item_guid(self, item):
        # A tag URI on the primary key: stable when the title, slug or language changes.
        return f"tag:{site_host(self.request)},2024:{self.guid_prefix}-{item.pk}"

    def item_pubdate(self, item):
        # When staff published it, not when an event starts: nothing is "published" in the
        # future, and the feed's <updated> and Last-Modified never pass the response's Date.
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]
