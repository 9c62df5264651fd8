from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from events.models import Event
from partners.models import Partner
from samsmu_intl.content.filters import query_string, read_choices
from samsmu_intl.content.languages import localized
from samsmu_intl.content.preview import PreviewMixin
from samsmu_intl.content.views import BreadcrumbsMixin, ForgivingPaginationMixin, PublishedViewMixin
from samsmu_intl.news.models import NewsArticle
from samsmu_intl.news.structured_data import news_article
from samsmu_intl.serving.origin import absolute_url, site_host

ARTICLES_PER_PAGE = 12
FEED_LENGTH = 20


class NewsListView(ForgivingPaginationMixin, ListView):
    template_name = "news/news_list.html"
    context_object_name = "articles"
    paginate_by = ARTICLES_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.filters, self.ignored = read_choices(
            request.GET, {"kind": (_("Kind"), NewsArticle.Kind.values)}
        )
        self.kind = self.filters["kind"]
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        articles = NewsArticle.objects.published()
        if self.kind:
            articles = articles.filter(kind=self.kind)
        return articles.newest_first()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kinds=NewsArticle.Kind.choices,
            kind=self.kind,
            ignored=self.ignored,
            page_query=query_string(self.filters),
            **kwargs,
        )


class NewsDetailView(PublishedViewMixin, BreadcrumbsMixin, DetailView):
    template_name = "news/news_detail.html"
    context_object_name = "article"
    breadcrumb_parent = (gettext_lazy("News"), "news:list")

    def breadcrumb_label(self):
        return localized(self.object, "title")

    def get_queryset(self):
        # Only the partners and events visitors may see are linked: a draft event is no link.
        return self.visible(NewsArticle.objects).prefetch_related(
            "photos",
            Prefetch("partners", Partner.objects.published(), to_attr="published_partners"),
            Prefetch("events", Event.objects.published(), to_attr="published_events"),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"].append(news_article(self.request, self.object))
        return context


class NewsPreviewView(PreviewMixin, NewsDetailView):
    preview_model = NewsArticle


class NewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def title(self):
        return _("News of the Department of International Cooperation, SamSMU")

    def author_name(self):
        return _("Department of International Cooperation, Samarkand State Medical University")

    def subtitle(self):
        return _("Mobility reports, new agreements, calls for applications and announcements.")

    def link(self):
        return absolute_url(self.request.path.rsplit("feed/", 1)[0], self.request)

    def feed_url(self):
        return absolute_url(self.request.path, self.request)

    def feed_guid(self):
        return self.feed_url()

    def items(self):
        return NewsArticle.objects.published().newest_first()[:FEED_LENGTH]

    def item_title(self, item):
        return str(localized(item, "title"))

    def item_description(self, item):
        return str(localized(item, "summary"))

    def item_link(self, item):
        return absolute_url(item.get_absolute_url(), self.request)

    def item_guid(self, item):
        # A tag URI on the primary key: stable when the title, slug or language changes.
        return f"tag:{site_host(self.request)},2024:news-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        # When visitors first saw it: a scheduled article is never dated in the future.
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.get_kind_display()]
