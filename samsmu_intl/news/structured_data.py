"""A news article as schema.org data (JSON-LD), for its page."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samsmu_intl.content.languages import localized
from samsmu_intl.seo.structured_data import CONTEXT
from samsmu_intl.serving.origin import absolute_url


def news_article(request, article):
    """Only what the article has: a preview of a draft has no publication date yet, an article
    without a cover no image (search engines read an empty value as a wrong one)."""
    university = {
        "@type": "CollegeOrUniversity",
        "name": _("Samarkand State Medical University"),
        "url": absolute_url(reverse("department:landing"), request),
    }
    data = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": str(localized(article, "title")),
        "description": str(localized(article, "summary")),
        "url": absolute_url(article.get_absolute_url(), request),
        "author": university,
        "publisher": university,
    }
    # To the second: a backup keeps times to the millisecond, so a restored page is the same.
    if article.published_at:
        data["datePublished"] = _moment(article.published_at)
    if article.updated_at:
        data["dateModified"] = _moment(article.updated_at)
    if article.cover:
        data["image"] = [absolute_url(article.cover.url, request)]
    return {key: value for key, value in data.items() if value}


def _moment(value):
    return timezone.localtime(value).isoformat(timespec="seconds")
