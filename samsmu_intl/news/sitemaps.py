"""The news' section of /sitemap.xml."""

from samsmu_intl.news.models import NewsArticle
from samsmu_intl.seo.sitemaps import PagesSitemap, PublishedSitemap


class NewsPagesSitemap(PagesSitemap):
    pages = {"news:list": lambda: [NewsArticle.objects.published()]}


class NewsSitemap(PublishedSitemap):
    model = NewsArticle
