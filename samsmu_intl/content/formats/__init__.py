"""Dates as each language writes them where Django's own formats differ (FORMAT_MODULE_PATH):
only what is set here replaces Django's; the rest of each language's formats stay Django's.

One clock everywhere: 24 hours, two digits ("00:59", "09:05"), in pages, emails and the admin
alike (Django's English writes "12:59 a.m.", its Russian and Uzbek "0:59").

Besides Django's names, each language defines the project's own (every language must: a name
that no module defines is taken for a format string by Django):
- DATE_UNTIL_FORMAT and DATE_ON_FORMAT: a date that a sentence needs "until" or "on", where
  Uzbek joins the suffix to the date's last word ("2027-yil 3-fevralgacha", "3-fevralda"),
  which a translation cannot do after a placeholder;
- DAY_RANGE_SAME_MONTH and DAY_RANGE_SAME_YEAR: (first day's format, separator, last day's
  format) for a range of days whose ends share the month, or only the year ("19–21 November").
"""

CUSTOM_FORMATS = (
    "DATE_UNTIL_FORMAT",
    "DATE_ON_FORMAT",
    "DAY_RANGE_SAME_MONTH",
    "DAY_RANGE_SAME_YEAR",
)
