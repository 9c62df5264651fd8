"""The admin pages staff use all day (the four `make bench-cost` times: the dashboard, the
partner and event lists, a partner's change page) run a fixed number of SQL queries, however
many partners, agreements, events, registrations and photos there are."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from events.models import EventPhoto, Registration
from partners.models import Agreement


@pytest.fixture
def uzbek_admin(admin_client):
    admin_client.cookies["django_language"] = "uz"
    return admin_client


@pytest.fixture
def grow(make_partner, make_event, make_registration):
    """Adds `count` partners, each with agreements and forms of cooperation, and as many events
    hosted by them, each with registrations (confirmed and waiting) and a photo."""
    made = {"partners": [], "events": []}
    today = timezone.localdate()
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "teal").save(buffer, "PNG")

    def add(count):
        start = len(made["partners"])
        for number in range(start, start + count):
            partner = make_partner(
                f"partner-{number}",
                country=["DE", "TR", "KR"][number % 3],
                name_uz=f"Hamkor {number}",
                forms=["research", "staff-mobility"],
            )
            for years in (1, 3):
                Agreement.objects.create(
                    partner=partner,
                    kind=Agreement.Kind.MEMORANDUM,
                    signed_on=today - datetime.timedelta(days=400),
                    valid_until=today + datetime.timedelta(days=365 * years - 400),
                )
            event = make_event(f"event-{number}", partner=partner, country="DE", capacity=20)
            make_registration(event, f"a{number}@example.org")
            make_registration(event, f"b{number}@example.org", status=Registration.Status.WAITING)
            photo = EventPhoto(event=event, alt_uz="Zal", alt_ru="Зал", alt_en="Hall")
            photo.image.save("hall.png", SimpleUploadedFile("hall.png", buffer.getvalue()))
            made["partners"].append(partner)
            made["events"].append(event)
        return made

    return add


def assert_fixed_queries(client, url, grow, django_assert_num_queries, queries):
    client.get(url)  # content types and the like, cached after the first request
    with django_assert_num_queries(queries):
        assert client.get(url).status_code == 200
    grow(25)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200
    return response


def test_partner_list_runs_a_fixed_number_of_queries(uzbek_admin, grow, django_assert_num_queries):
    # Session, user, their second factor, a savepoint and its release, the countries and the
    # forms of cooperation of the filters, the count of the filtered and of all partners, the
    # page of partners with their agreement figures, their stale languages, the department's
    # "add" permission.
    grow(2)
    url = reverse("admin:partners_partner_changelist")
    response = assert_fixed_queries(uzbek_admin, url, grow, django_assert_num_queries, 12)
    assert len(response.context["cl"].result_list) == 27
    assert {p.active_agreement_count for p in response.context["cl"].result_list} == {1}


def test_event_list_runs_a_fixed_number_of_queries(uzbek_admin, grow, django_assert_num_queries):
    # Session, user, their second factor, a savepoint and its release, the countries of the
    # filter, the two counts, the page of events with their registration figures, their photos,
    # their stale languages, the department, the date hierarchy's range and years.
    grow(2)
    url = reverse("admin:events_event_changelist")
    response = assert_fixed_queries(uzbek_admin, url, grow, django_assert_num_queries, 14)
    events = response.context["cl"].result_list
    assert len(events) == 27
    assert {(e.confirmed_count, e.waiting_count) for e in events} == {(1, 1)}


def test_partner_change_page_runs_a_fixed_number_of_queries(
    uzbek_admin, grow, django_assert_num_queries
):
    partner = grow(1)["partners"][0]
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    # Session, user, their second factor, a savepoint and its release, the partner, its stale
    # texts, its forms of cooperation, its agreements, the department, all forms to choose from.
    assert_fixed_queries(uzbek_admin, url, grow, django_assert_num_queries, 11)
    for years in range(5):  # more agreements of its own: still one query for all of them
        Agreement.objects.create(partner=partner, kind="cooperation", signed_on=f"201{years}-01-01")
    with django_assert_num_queries(11):
        html = uzbek_admin.get(url).content.decode()
    assert html.count('name="agreements-') > 7 * 6
    # The other languages' texts beside each field come from the form itself, in the browser:
    # the page carries the script and no query more.
    assert "js/admin-translations.js" in html


def test_dashboard_runs_a_fixed_number_of_queries(uzbek_admin, grow, django_assert_num_queries):
    # As test_editorial_dashboard.py counts them (19), read in Uzbek as `make bench-cost` reads
    # it, with partners, agreements, events, registrations and photos growing from 2 to 27.
    grow(2)
    assert_fixed_queries(uzbek_admin, reverse("admin:index"), grow, django_assert_num_queries, 22)
