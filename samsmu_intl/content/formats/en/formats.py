from django.conf.locale.en.formats import DATE_FORMAT

# Django's English keeps a 12-hour clock ("12:59 a.m."); the site's other languages and its
# visitors' calendars use 24 hours.
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "N j, Y, H:i"
SHORT_DATETIME_FORMAT = "m/d/Y H:i"

DATE_UNTIL_FORMAT = DATE_FORMAT
DATE_ON_FORMAT = DATE_FORMAT
# "Nov. 19–21, 2025", "Nov. 28 – Dec. 2, 2025"
DAY_RANGE_SAME_MONTH = ("N j", "–", "j, Y")
DAY_RANGE_SAME_YEAR = ("N j", " – ", DATE_FORMAT)
