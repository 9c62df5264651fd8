from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView

from events.models import Event
from partners.models import Partner
from samsmu_intl.content.feeds import ContentFeed
from samsmu_intl.content.filters import Choice, query_string, read_choices
from samsmu_intl.content.languages import localized
from samsmu_intl.content.preview import PreviewMixin
from samsmu_intl.content.views import BreadcrumbsMixin, ForgivingPaginationMixin, PublishedViewMixin
from samsmu_intl.news.models import NewsArticle
from samsmu_intl.news.structured_data import news_article

ARTICLES_PER_PAGE = 12
FEED_LENGTH = 20


class NewsListView(ForgivingPaginationMixin, ListView):
    template_name = "news/news_list.html"
    context_object_name = "articles"
    paginate_by = ARTICLES_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.filters, self.ignored = read_choices(
            request.GET, {"kind": Choice(_("Kind"), NewsArticle.Kind.values)}
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


class NewsFeed(ContentFeed):
    guid_prefix = "news"

    def title(self):
        return _("News of the Department of International Cooperation, SamSMU")

    def author_name(self):
        return _("Department of International Cooperation, Samarkand State Medical University")

    def subtitle(self):
        return _("Mobility reports, new agreements, calls for applications and announcements.")

    def items(self):
        return NewsArticle.objects.published().newest_first()[:FEED_LENGTH]
