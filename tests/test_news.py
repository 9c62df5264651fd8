"""News: the list, the article, the feed, the sitemap, JSON-LD and where news shows elsewhere."""

import datetime
import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from samsmu_intl.news.models import NewsArticle, NewsPhoto

DAY = datetime.timedelta(days=1)
ATOM = "{http://www.w3.org/2005/Atom}"
ALTS = {"alt_uz": "Talabalar", "alt_ru": "Студенты", "alt_en": "Students"}


def get(client, name, language="en", params=None, **kwargs):
    with translation.override(language):
        return client.get(reverse(name, kwargs=kwargs or None), params or {})


def titles(response):
    return re.findall(
        r'class="card__title">\s*<a href="[^"]+"[^>]*>([^<]+)</a>', response.content.decode()
    )


def png(name="photo.png", size=(80, 60)):
    import io

    buffer = io.BytesIO()
    Image.new("RGB", size, "white").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def json_ld(response, kind):
    blocks = re.findall(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', response.content.decode(), re.S
    )
    return [data for data in map(json.loads, blocks) if data.get("@type") == kind]


@pytest.fixture
def newsroom(make_news):
    """Three published articles a day apart (oldest first), a draft and a scheduled one."""
    now = timezone.now()
    articles = []
    for days_ago, slug, kind in [
        (3, "erasmus-report", NewsArticle.Kind.MOBILITY_REPORT),
        (2, "charite-agreement", NewsArticle.Kind.NEW_AGREEMENT),
        (1, "summer-call", NewsArticle.Kind.CALL),
    ]:
        article = make_news(slug, kind=kind)
        NewsArticle.objects.filter(pk=article.pk).update(published_at=now - days_ago * DAY)
        articles.append(article)
    make_news("draft-news", title_en="Draft News", status=NewsArticle.Status.DRAFT)
    make_news("future-news", title_en="Future News", publish_from=now + DAY)
    return articles


def test_list_shows_published_news_newest_first(client, newsroom):
    response = get(client, "news:list")
    assert response.status_code == 200
    assert titles(response) == ["Summer Call", "Charite Agreement", "Erasmus Report"]


def test_drafts_and_scheduled_news_are_hidden_everywhere(client, newsroom):
    for language in ("uz", "ru", "en"):
        html = get(client, "news:list", language).content.decode()
        assert "Draft News" not in html and "Future News" not in html
    assert get(client, "news:detail", slug="draft-news").status_code == 404
    assert get(client, "news:detail", slug="future-news").status_code == 404
    assert b"Future News" not in get(client, "news:feed").content


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("call", ["Summer Call"]), ("new-agreement", ["Charite Agreement"]), ("", None)],
)
def test_filter_by_kind(client, newsroom, kind, expected):
    response = get(client, "news:list", params={"kind": kind})
    assert titles(response) == (expected or ["Summer Call", "Charite Agreement", "Erasmus Report"])


def test_unknown_kind_is_ignored_and_said_so_never_500(client, newsroom):
    response = get(client, "news:list", params={"kind": "gossip", "page": "x"})
    assert response.status_code == 200
    assert len(titles(response)) == 3


def test_empty_news_says_so_politely_in_every_language(client, db):
    expected = {
        "uz": "Hozircha yangiliklar yoʻq. Keyinroq qayta kiring.",
        "ru": "Новостей пока нет. Загляните позже.",
        "en": "There is no news yet. Please come back later.",
    }
    for language, text in expected.items():
        response = get(client, "news:list", language)
        assert response.status_code == 200
        assert text in response.content.decode()


def test_list_is_paginated(client, make_news):
    for number in range(14):
        make_news(f"item-{number}")
    assert len(titles(get(client, "news:list"))) == 12
    assert len(titles(get(client, "news:list", params={"page": 2}))) == 2
    assert len(titles(get(client, "news:list", params={"page": 99}))) == 2


def test_detail_shows_text_photos_breadcrumbs_and_what_it_is_about(
    client, make_news, make_partner, make_event
):
    partner = make_partner("charite", name_en="Charité")
    hidden_partner = make_partner("hidden", name_en="Hidden Partner", status="draft")
    event = make_event("forum", title_en="Forum in Berlin")
    article = make_news(
        "berlin-visit",
        title_en="Visit to Berlin",
        body_en="<p>Five <strong>days</strong> of lectures.</p>",
        partners=[partner, hidden_partner],
        events=[event],
    )
    NewsPhoto.objects.create(article=article, image=png(), caption_en="The lecture hall", **ALTS)
    html = get(client, "news:detail", slug="berlin-visit").content.decode()
    with translation.override("en"):
        partner_url, event_url = partner.get_absolute_url(), event.get_absolute_url()
    assert "<h1>Visit to Berlin</h1>" in html
    assert "<strong>days</strong>" in html
    assert "<figcaption>The lecture hall</figcaption>" in html
    assert 'alt="Students"' in html
    assert f'href="{partner_url}">Charité</a>' in html
    assert f'href="{event_url}">Forum in Berlin</a>' in html
    assert "Hidden Partner" not in html
    assert '<nav class="breadcrumbs"' in html and 'href="/en/news/">News</a>' in html
    assert json_ld(get(client, "news:detail", slug="berlin-visit"), "BreadcrumbList")


def test_staff_preview_a_draft_anonymous_visitors_do_not(client, admin_client, make_news):
    draft = make_news("draft-news", title_en="Draft News", status=NewsArticle.Status.DRAFT)
    for language in ("uz", "ru", "en"):
        response = get(admin_client, "news:preview", language, pk=draft.pk)
        assert response.status_code == 200
        assert "Draft News" in response.content.decode()
        assert response["X-Robots-Tag"] == "noindex, nofollow"
        assert get(client, "news:preview", language, pk=draft.pk).status_code == 404
    # A draft's JSON-LD has no publication date rather than an empty one.
    data = json_ld(get(admin_client, "news:preview", pk=draft.pk), "NewsArticle")[0]
    assert "datePublished" not in data
    assert all(value for value in data.values())


def test_feed_dates_entries_by_publication_and_change_never_the_future(client, make_news):
    article = make_news("scheduled", publish_from=timezone.now() - DAY)
    make_news("not-yet", publish_from=timezone.now() + DAY)
    article.refresh_from_db()
    response = get(client, "news:feed")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 1
    published = datetime.datetime.fromisoformat(entries[0].find(f"{ATOM}published").text)
    updated = datetime.datetime.fromisoformat(entries[0].find(f"{ATOM}updated").text)
    assert published == article.published_at
    assert updated == article.updated_at
    assert updated <= timezone.now()
    assert entries[0].find(f"{ATOM}id").text.endswith(f":news-{article.pk}")
    assert entries[0].find(f"{ATOM}category").get("term") == "Announcement"


def test_sitemap_lists_the_news_page_and_published_articles_in_every_language(client, newsroom):
    xml = client.get("/sitemap.xml").content.decode()
    for language in ("uz", "ru", "en"):
        assert f"/{language}/news/</loc>" in xml
        assert f"/{language}/news/summer-call/</loc>" in xml
    assert "draft-news" not in xml and "future-news" not in xml


def test_article_page_describes_itself_as_a_news_article(client, make_news):
    article = make_news(
        "with-cover",
        cover=png("cover.png"),
        cover_alt_en="A lecture hall",
        cover_alt_ru="Аудитория",
        cover_alt_uz="Auditoriya",
    )
    data = json_ld(get(client, "news:detail", "ru", slug="with-cover"), "NewsArticle")[0]
    assert data["headline"] == "With Cover"
    assert data["url"].endswith("/ru/news/with-cover/")
    published = datetime.datetime.fromisoformat(data["datePublished"])
    assert published == article.published_at.replace(microsecond=0)  # to the second
    assert data["image"][0].endswith(".png")
    assert data["publisher"]["name"] == "Самаркандский государственный медицинский университет"
    assert all(value for value in data.values())


def test_landing_shows_the_latest_three(client, newsroom, make_news):
    oldest = NewsArticle.objects.get(slug="erasmus-report")
    NewsArticle.objects.filter(pk=oldest.pk).update(published_at=timezone.now() - 9 * DAY)
    make_news("today-news", title_en="Today News")
    html = get(client, "department:landing").content.decode()
    section = html[html.index('id="news-heading"') :]
    assert titles_in(section) == ["Today News", "Summer Call", "Charite Agreement"]
    assert "Erasmus Report" not in html and "Draft News" not in html


def titles_in(html):
    return re.findall(r'class="card__title">\s*<a href="[^"]+"[^>]*>([^<]+)</a>', html)


def test_landing_without_news_shows_no_news_section(client, db):
    assert 'id="news-heading"' not in get(client, "department:landing").content.decode()


def test_partner_and_event_pages_list_their_published_news(
    client, make_news, make_partner, make_event
):
    partner = make_partner("charite")
    event = make_event("forum")
    make_news("about-both", title_en="About Both", partners=[partner], events=[event])
    make_news(
        "draft-about", title_en="Draft About", partners=[partner], events=[event], status="draft"
    )
    make_news("unrelated", title_en="Unrelated")
    for name, slug in [("partners:detail", "charite"), ("events:detail", "forum")]:
        html = get(client, name, slug=slug).content.decode()
        assert 'href="/en/news/about-both/">About Both</a>' in html
        assert "Draft About" not in html and "Unrelated" not in html


def test_alt_text_in_three_languages_is_needed_to_publish(make_news):
    article = make_news("cover", status=NewsArticle.Status.DRAFT, cover=png("c.png"))
    article.cover_alt_en = "A lecture hall"
    article.full_clean()  # a draft may wait for its descriptions
    article.status = NewsArticle.Status.PUBLISHED
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert set(error.value.message_dict) == {"cover_alt_uz", "cover_alt_ru"}

    photo = NewsPhoto(article=article, image=png(), alt_en="Students")
    with pytest.raises(ValidationError) as error:
        photo.full_clean()
    assert set(error.value.message_dict) == {"alt_uz", "alt_ru"}


def test_admin_refuses_to_publish_an_article_with_photos_missing_alt_text(admin_client, db):
    form = {
        "title_en": "Report",
        "slug": "report",
        "kind": "mobility-report",
        "summary_en": "A report.",
        "status": "published",
        "photos-TOTAL_FORMS": "1",
        "photos-INITIAL_FORMS": "0",
        "photos-0-image": png(),
        "photos-0-alt_en": "Students",
        "photos-0-order": "0",
    }
    response = admin_client.post(reverse("admin:news_newsarticle_add"), form)
    assert response.status_code == 200
    assert "Describe the picture in every language before publishing" in (response.content.decode())
    assert not NewsArticle.objects.exists()


def test_news_pages_query_counts_are_fixed(
    client, make_news, make_partner, make_event, django_assert_num_queries
):
    partners = [make_partner(f"partner-{number}") for number in range(5)]
    events = [make_event(f"event-{number}") for number in range(5)]
    for number in range(30):
        article = make_news(f"article-{number}", partners=partners, events=events)
        NewsPhoto.objects.create(article=article, image=png(), **ALTS)
    # Count, page, the department.
    with django_assert_num_queries(3):
        assert (
            get(client, "news:list", params={"page": 2, "kind": "announcement"}).status_code == 200
        )
    # The article, its photos, partners, events; the department.
    with django_assert_num_queries(5):
        assert get(client, "news:detail", slug="article-7").status_code == 200
    with django_assert_num_queries(1):
        get(client, "news:feed")


def test_editors_write_news_and_delete_only_drafts(editor, client, make_news):
    client.force_login(editor)
    assert client.get(reverse("admin:news_newsarticle_add")).status_code == 200
    published = make_news("published-news")
    draft = make_news("draft-news", status=NewsArticle.Status.DRAFT)
    assert client.get(reverse("admin:news_newsarticle_delete", args=[draft.pk])).status_code == 200
    response = client.get(reverse("admin:news_newsarticle_delete", args=[published.pk]))
    assert response.status_code in (302, 403)
    assert editor.has_perms([f"news.{a}_newsphoto" for a in ("add", "change", "view", "delete")])
