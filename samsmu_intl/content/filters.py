"""Filters from a query string that take one of a fixed set of values (kind, year, level,
region, country, ...): the one reading the partner directory and the event and program lists
share, so that every list ignores an unknown value alike and tells the visitor so."""

from collections.abc import Callable, Collection
from typing import NamedTuple

from django.utils.http import urlencode


class Choice(NamedTuple):
    """A filter parameter: its label in the "ignored filters" note, the values it takes, and how
    a raw value is put in their form first (e.g. str.upper for ISO country codes)."""

    label: str
    allowed: Collection[str]
    normalise: Callable[[str], str] = str


def read_choices(params, choices):
    """choices: {parameter: Choice}. Returns ({parameter: value or ""}, ignored), where ignored
    lists (label, value) of what named nothing known, for the page to show."""
    values, ignored = {}, []
    for name, (label, allowed, normalise) in choices.items():
        raw = params.get(name, "").strip()
        value = normalise(raw)
        values[name] = value if value in allowed else ""
        if raw and not values[name]:
            ignored.append((label, raw[:60]))
    return values, ignored


def query_string(values):
    """The filters in force as a query string, for page links; empty values are left out."""
    return urlencode({name: value for name, value in values.items() if value})
