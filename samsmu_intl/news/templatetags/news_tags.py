"""The latest news for pages of the layers beside this one (the home page): a template reaches
them by loading this library, so the department never imports news."""

from django import template

from samsmu_intl.news.models import NewsArticle

register = template.Library()

LANDING_ARTICLES = 3


@register.simple_tag
def latest_news(count=LANDING_ARTICLES):
    return list(NewsArticle.objects.published().newest_first()[:count])
