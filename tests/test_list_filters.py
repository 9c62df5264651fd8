"""Every list reads its filters one way (samsmu_intl.content.filters.read_choices): the partner
directory, the events and the programs. The same odd input gets the same answer on each: a
known value with stray spaces filters, an unknown one is ignored and named in the note, cut to
60 characters and escaped."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Event
from partners.models import Partner, Program

# (list, parameter, a value that keeps one item of two, the parameter's label in the note)
LISTS = [
    ("partners:list", "kind", "hospital", "Kind"),
    ("partners:list", "country", "tr", "Country"),  # ISO codes in any case
    ("events:list", "kind", "webinar", "Kind"),
    ("partners:program-list", "level", "phd", "Level"),
]
NOTE = "These filter values are unknown and were ignored:"


@pytest.fixture
def lists(make_partner, make_event, make_program):
    make_partner("heidelberg", country="DE")
    make_partner("ankara-clinic", country="TR", kind=Partner.Kind.HOSPITAL)
    make_event("congress")
    make_event("online-lecture", kind=Event.Kind.WEBINAR)
    make_program("master-course")
    make_program("doctorate", level=Program.Level.PHD)


def listed(client, page, **params):
    with translation.override("en"):
        response = client.get(reverse(page), params)
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r'class="card__title"><a href="([^"]+)"', html), html


@pytest.mark.parametrize(("page", "parameter", "value", "label"), LISTS)
def test_a_known_value_filters_whatever_spaces_surround_it(
    client, lists, page, parameter, value, label
):
    everything, _html = listed(client, page)
    chosen, _html = listed(client, page, **{parameter: value})
    padded, html = listed(client, page, **{parameter: f"  {value} "})
    assert len(everything) == 2
    assert len(chosen) == 1
    assert padded == chosen
    assert NOTE not in html


@pytest.mark.parametrize(("page", "parameter", "value", "label"), LISTS)
def test_an_unknown_value_is_ignored_and_named(client, lists, page, parameter, value, label):
    everything, _html = listed(client, page)
    unknown = "<b>" + "x" * 100
    shown, html = listed(client, page, **{parameter: unknown})
    assert shown == everything
    assert NOTE in html
    assert f"{label}: <q>&lt;b&gt;{'x' * 57}</q>" in html
    assert "<b>" not in html
    _shown, html = listed(client, page, **{parameter: "  "})
    assert NOTE not in html
