from django.conf.locale.ru.formats import DATE_FORMAT

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y г., H:i"

DATE_UNTIL_FORMAT = DATE_FORMAT
DATE_ON_FORMAT = DATE_FORMAT
# "19–21 ноября 2025 г.", "28 ноября – 2 декабря 2025 г."
DAY_RANGE_SAME_MONTH = ("j", "–", DATE_FORMAT)
DAY_RANGE_SAME_YEAR = ("j E", " – ", DATE_FORMAT)
