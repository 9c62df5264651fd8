"""Ranges of days as the active language writes them: the month or the year that both ends
share is written once ("2025-yil 19–21-noyabr", "19–21 ноября 2025 г.", "Nov. 19–21, 2025")."""

from django.utils.dateformat import format as format_date
from django.utils.formats import get_format


def day_range(first, last):
    """[(separator before it, day, text), ...]: one day, or the first and the last. The texts
    joined with their separators make the range; each day keeps its own text, so that a page can
    wrap it in <time>."""
    whole = get_format("DATE_FORMAT")
    if first == last:
        return [("", first, format_date(first, whole))]
    if (first.year, first.month) == (last.year, last.month):
        start, separator, end = get_format("DAY_RANGE_SAME_MONTH")
    elif first.year == last.year:
        start, separator, end = get_format("DAY_RANGE_SAME_YEAR")
    else:
        start, separator, end = whole, " – ", whole
    return [("", first, format_date(first, start)), (separator, last, format_date(last, end))]
