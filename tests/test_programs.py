import datetime
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from partners.models import Program


def programs(client, language="en", **params):
    with translation.override(language):
        return client.get(reverse("partners:program-list"), params)


def titles(response):
    return re.findall(
        r'<h2 class="card__title"><a href="[^"]+"[^>]*>([^<]+)</a>', response.content.decode()
    )


@pytest.fixture
def catalogue(make_program, make_partner):
    today = timezone.localdate()
    heidelberg = make_partner("heidelberg", name_en="Heidelberg University")
    make_program(
        "closed-recently", title_en="Closed Recently", deadline=today - datetime.timedelta(days=3)
    )
    make_program(
        "closed-long-ago", title_en="Closed Long Ago", deadline=today - datetime.timedelta(days=300)
    )
    make_program("open-later", title_en="Open Later", deadline=today + datetime.timedelta(days=60))
    make_program(
        "open-soon",
        title_en="Open Soon",
        deadline=today,
        kind=Program.Kind.DOUBLE_DIPLOMA,
        level=Program.Level.PHD,
        partners=[heidelberg],
    )
    make_program("all-year", title_en="All Year", deadline=None, level=Program.Level.SUMMER_SCHOOL)
    make_program("draft", title_en="Draft Program", status=Program.Status.DRAFT)


def test_open_programs_come_first_soonest_deadline_first(client, catalogue):
    assert titles(programs(client)) == [
        "Open Soon",
        "Open Later",
        "All Year",
        "Closed Recently",
        "Closed Long Ago",
    ]


def test_deadline_status_is_spelled_out(client, catalogue):
    html = programs(client).content.decode()
    assert "Applications accepted all year" in html
    assert html.count('class="badge badge--closed"') == 2


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"level": "phd"}, ["Open Soon"]),
        ({"type": "double-diploma"}, ["Open Soon"]),
        ({"level": "summer-school", "type": "joint"}, ["All Year"]),
        ({"level": "phd", "type": "joint"}, []),
    ],
)
def test_filter_by_level_and_type(client, catalogue, params, expected):
    assert titles(programs(client, **params)) == expected


def test_unknown_filter_values_are_ignored_and_shown(client, catalogue):
    response = programs(client, level="astronaut", type="%00")
    assert response.status_code == 200
    assert len(titles(response)) == 5
    assert "Level: <q>astronaut</q>" in response.content.decode()


def test_detail_links_its_partners(client, catalogue):
    with translation.override("en"):
        html = client.get(reverse("partners:program-detail", args=["open-soon"])).content.decode()
    assert "<h1>Open Soon</h1>" in html
    assert '<a href="/en/partners/heidelberg/">Heidelberg University</a>' in html
    assert "Double-diploma program" in html


def test_draft_program_is_not_found(client, catalogue):
    with translation.override("en"):
        assert client.get(reverse("partners:program-detail", args=["draft"])).status_code == 404


def test_program_pages_query_counts_are_fixed(client, db, django_assert_num_queries):
    call_command("make_sample_data", partners=300, programs=60, verbosity=0)
    # Count, page, the page's partners, the department.
    with django_assert_num_queries(4):
        programs(client, level="master")
    program = Program.objects.first()
    # The program, its partners, its documents; the department.
    with translation.override("en"), django_assert_num_queries(4):
        client.get(program.get_absolute_url())
