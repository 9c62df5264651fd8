import logging

from django.urls import reverse
from django.utils import translation

from samsmu_intl.department.models import Department


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def test_second_anonymous_visit_is_served_from_the_cache(client, seeded, django_assert_num_queries):
    first = client.get(url("partners:list"))
    with django_assert_num_queries(0):
        second = client.get(url("partners:list"))
    assert second.content == first.content


def test_each_language_and_query_string_has_its_own_entry(client, seeded):
    assert "<h1>Hamkorlar</h1>" in client.get(url("partners:list", "uz")).content.decode()
    assert "<h1>Партнёры</h1>" in client.get(url("partners:list", "ru")).content.decode()
    filtered = client.get(url("partners:list", "en") + "?country=AZ").content.decode()
    assert "Yeditepe" not in filtered.split("<main")[1]
    assert "Yeditepe" in client.get(url("partners:list", "en")).content.decode()


def test_a_content_change_shows_at_once(client, seeded):
    assert (
        "<h1>International cooperation</h1>"
        in client.get(url("department:landing")).content.decode()
    )
    page = Department.load()
    page.title_en = "Working with the world"
    page.save()
    assert (
        "<h1>Working with the world</h1>" in client.get(url("department:landing")).content.decode()
    )


def test_a_relation_change_invalidates_the_page_too(client, seeded):
    from partners.models import Partner

    client.get(url("partners:detail", slug="yeditepe-university"))
    partner = Partner.objects.get(slug="yeditepe-university")
    partner.cooperation_forms.clear()  # an m2m change alone
    html = client.get(url("partners:detail", slug="yeditepe-university")).content.decode()
    assert "Forms of cooperation" not in html


def test_staff_never_get_cached_pages(admin_client, seeded):
    admin_client.get(url("partners:list"))
    response = admin_client.get(url("partners:list"))
    assert response.status_code == 200
    assert not response.wsgi_request.__dict__.get("page_cache_key")


def test_staff_visits_do_not_fill_the_cache(admin_client, client, seeded):
    staff = admin_client.get(url("events:list"))
    assert staff.status_code == 200
    # A page from the cache is answered before the request is marked: this one was made anew.
    anonymous = client.get(url("events:list"))
    assert getattr(anonymous.wsgi_request, "page_cache_key", None)


def test_pages_with_forms_are_never_cached(client, make_event):
    event = make_event("webinar", kind="webinar")
    first = client.get(url("events:register", slug=event.slug))
    assert "csrftoken" in first.cookies
    second = client.get(url("events:register", slug=event.slug))
    assert second.status_code == 200
    assert first.wsgi_request.page_cache_key  # eligible, yet not stored:
    from django.core.cache import cache

    assert cache.get(first.wsgi_request.page_cache_key) is None


def test_conditional_get_answers_304(client, seeded):
    first = client.get(url("partners:map"))
    etag = first["ETag"]
    assert etag
    again = client.get(url("partners:map"), headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""


def test_a_down_cache_means_uncached_pages_and_one_log_line(client, seeded, settings, caplog):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    from django.core.cache import caches

    caches._settings = caches.settings = caches.configure_settings(None)
    with caplog.at_level(logging.ERROR, logger="samsmu_intl.serving.cache"):
        for _ in range(3):
            assert client.get(url("partners:list")).status_code == 200
    outage_lines = [r for r in caplog.records if "Cache unavailable" in r.getMessage()]
    assert len(outage_lines) == 1
