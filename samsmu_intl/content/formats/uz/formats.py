# Uzbek writes the year first ("2025-yil 19-noyabr", "2025-yil aprel"; the glossary); Django's
# formats put it last. E is the month as it stands inside a date, in lower case (locale/vendor).
DATE_FORMAT = r"Y-\y\i\l j-E"
DATETIME_FORMAT = r"Y-\y\i\l j-E, G:i"
YEAR_MONTH_FORMAT = r"Y-\y\i\l E"
