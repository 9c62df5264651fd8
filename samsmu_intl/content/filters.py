"""Filters from a query string that take one of a fixed set of values (kind, year, level, ...)."""

from django.utils.http import urlencode


def read_choices(params, fields):
    """fields: {parameter: (label, allowed values)}. Returns ({parameter: value or ""}, ignored),
    where ignored lists (label, value) of what named nothing known, for the page to show."""
    values, ignored = {}, []
    for name, (label, allowed) in fields.items():
        raw = params.get(name, "").strip()
        values[name] = raw if raw in allowed else ""
        if raw and not values[name]:
            ignored.append((label, raw[:60]))
    return values, ignored


def query_string(values):
    """The filters in force as a query string, for page links."""
    return urlencode({name: value for name, value in values.items() if value})
