import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event

DAY = datetime.timedelta(days=1)


def get(client, name, language="en", params=None, **kwargs):
    with translation.override(language):
        return client.get(reverse(name, kwargs=kwargs or None), params or {})


def titles(response):
    return re.findall(
        r'class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def agenda(make_event):
    make_event("next-week", starts_in=7 * DAY, title_en="Next Week", kind="webinar")
    make_event("tomorrow", starts_in=DAY, title_en="Tomorrow", kind="seminar")
    make_event("last-month", starts_in=-30 * DAY, title_en="Last Month", kind="staff-mobility")
    make_event("last-year", starts_in=-400 * DAY, title_en="Last Year", kind="delegation")
    make_event("draft", starts_in=2 * DAY, title_en="Draft Event", status="draft")
    make_event(
        "scheduled",
        starts_in=3 * DAY,
        title_en="Not Yet Announced",
        publish_from=timezone.now() + DAY,
    )


def test_upcoming_soonest_first_then_past_newest_first(client, agenda):
    response = get(client, "events:list")
    assert titles(response) == ["Tomorrow", "Next Week", "Last Month", "Last Year"]
    html = response.content.decode()
    assert html.index("Upcoming events") < html.index("Tomorrow") < html.index("Past events")


def test_filter_by_kind_and_year(client, agenda):
    assert titles(get(client, "events:list", params={"kind": "webinar"})) == ["Next Week"]
    last_year = (timezone.localtime() - 400 * DAY).year
    assert "Last Year" in titles(get(client, "events:list", params={"year": last_year}))
    assert "Tomorrow" not in titles(get(client, "events:list", params={"year": last_year}))


@pytest.mark.parametrize(
    "params",
    [
        {"year": "abc"},
        {"year": "99999"},
        {"year": "-1"},
        {"year": "٢٠٢٤"},
        {"kind": "party"},
        {"kind": "webinar\x00"},
        {"page": "x"},
        {"page": "10000"},
    ],
)
def test_bad_filters_are_ignored_never_500(client, agenda, params):
    response = get(client, "events:list", params=params)
    assert response.status_code == 200
    assert len(titles(response)) == 4
    if "page" not in params:
        assert "These filter values are unknown and were ignored:" in response.content.decode()


def test_drafts_and_scheduled_events_are_hidden_everywhere(client, agenda):
    assert "Draft Event" not in get(client, "events:list").content.decode()
    assert get(client, "events:detail", slug="draft").status_code == 404
    assert get(client, "events:detail", slug="scheduled").status_code == 404
    assert get(client, "events:ics", slug="draft").status_code == 404
    assert b"Draft Event" not in get(client, "events:calendar").content
    assert b"Draft Event" not in get(client, "events:feed").content


def test_detail_names_partner_staff_place_and_time_zone(client, seeded, make_event):
    from partners.models import Partner
    from samsmu_intl.department.models import StaffMember

    event = make_event(
        "visit",
        title_en="Visit to Baku",
        city_en="Baku",
        country="AZ",
        venue_en="Main building",
        partner=Partner.objects.get(slug="azerbaijan-medical-university"),
        starts_at=timezone.make_aware(datetime.datetime(2030, 4, 10, 9, 30)),
        ends_at=timezone.make_aware(datetime.datetime(2030, 4, 10, 12, 0)),
    )
    event.staff.set(StaffMember.objects.all())
    html = get(client, "events:detail", slug="visit").content.decode()
    assert "<h1>Visit to Baku</h1>" in html
    assert "Main building" in html and "Baku" in html and "Azerbaijan" in html
    assert 'href="/en/partners/azerbaijan-medical-university/"' in html
    assert 'href="/en/team/#shavazi"' in html and 'href="/en/team/#atayeva"' in html
    assert "09:30" in html and "12:00" in html
    assert "Tashkent time, UTC+5" in html
    assert 'datetime="2030-04-10T09:30:00+0500"' in html


def test_seed_events_show_only_their_month(client, seeded):
    html = get(client, "events:detail", slug="forum-yeditepe-university-2024").content.decode()
    assert '<time datetime="2024-09">September 2024</time>' in html
    assert "UTC+5" not in html
    ru = get(client, "events:detail", "ru", slug="forum-yeditepe-university-2024").content.decode()
    assert "Сентябрь 2024" in ru


class TestWebinarLinks:
    @pytest.fixture
    def webinar(self, make_event):
        def make(starts_in):
            return make_event(
                "webinar",
                starts_in=starts_in,
                kind="webinar",
                join_url="https://meet.example.org/samsmu",
                recording_url="https://video.example.org/samsmu",
            )

        return make

    def page(self, client):
        return get(client, "events:detail", slug="webinar").content.decode()

    def test_before_the_window_registration_but_no_join_link(self, client, webinar):
        webinar(starts_in=datetime.timedelta(hours=2))
        html = self.page(client)
        assert "https://meet.example.org/samsmu" not in html
        assert "The link to join appears here an hour before the start." in html
        assert 'href="/en/events/webinar/register/"' in html
        assert "video.example.org" not in html

    def test_from_an_hour_before_the_join_link_shows(self, client, webinar):
        webinar(starts_in=datetime.timedelta(minutes=59))
        html = self.page(client)
        assert 'href="https://meet.example.org/samsmu"' in html
        assert "video.example.org" not in html

    def test_during_the_webinar_the_join_link_shows(self, client, webinar):
        webinar(starts_in=-datetime.timedelta(hours=1))
        html = self.page(client)
        assert 'href="https://meet.example.org/samsmu"' in html
        assert "/register/" not in html

    def test_after_the_end_only_the_recording(self, client, webinar):
        webinar(starts_in=-datetime.timedelta(hours=3))
        html = self.page(client)
        assert "meet.example.org" not in html
        assert 'href="https://video.example.org/samsmu"' in html
        assert "/register/" not in html


def test_landing_shows_next_events_and_mobility_news(client, seeded, agenda):
    html = get(client, "department:landing").content.decode()
    upcoming = html.split('id="upcoming-heading"')[1].split("</section>")[0]
    assert "Tomorrow" in upcoming and "Next Week" in upcoming
    assert "Last Month" not in upcoming
    news = html.split('id="mobility-heading"')[1].split("</section>")[0]
    assert news.index("Last Month") < news.index("Conference at Azerbaijan Medical University")


def test_partner_page_lists_its_events(client, seeded):
    html = get(client, "partners:detail", slug="yeditepe-university").content.decode()
    assert "Events with this partner" in html
    assert 'href="/en/events/forum-yeditepe-university-2024/"' in html


def test_map_counts_mobility_events_and_visits_per_country(client, seeded, make_event):
    make_event("delegation", kind="delegation", country="AZ", starts_in=-DAY)
    make_event("conference", kind="conference", country="AZ", starts_in=-DAY)
    make_event("germany", kind="staff-mobility", country="DE", starts_in=-DAY)
    html = get(client, "partners:map").content.decode()
    assert re.search(
        r">Azerbaijan</a></th>\s*<td class=\"number\">1</td>\s*<td class=\"number\">2</td>", html
    )
    assert re.search(
        r'<th scope="row">Germany</th>\s*<td class="number">0</td>\s*<td class="number">1</td>',
        html,
    )


def test_event_pages_query_counts_are_fixed(client, db, django_assert_num_queries):
    call_command("make_sample_data", partners=50, events=2000, verbosity=0)
    # Count, page (with partners), years, the department.
    with django_assert_num_queries(4):
        get(client, "events:list", params={"page": 3})
    event = Event.objects.filter(photos__isnull=False).first()
    # The event with its partner, photos, staff, news; the department.
    with django_assert_num_queries(5):
        assert get(client, "events:detail", slug=event.slug).status_code == 200
    with django_assert_num_queries(1):
        get(client, "events:calendar")
    with django_assert_num_queries(1):
        get(client, "events:feed")
