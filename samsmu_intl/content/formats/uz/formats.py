# Uzbek writes the year first ("2025-yil 19-noyabr", "2025-yil aprel"; the glossary); Django's
# formats put it last. E is the month as it stands inside a date, in lower case (locale/vendor).
DATE_FORMAT = r"Y-\y\i\l j-E"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = r"Y-\y\i\l j-E, H:i"
YEAR_MONTH_FORMAT = r"Y-\y\i\l E"

# A suffix joins its word: "2027-yil 3-fevralgacha amal qiladi", "3-fevralda tugagan".
DATE_UNTIL_FORMAT = DATE_FORMAT + r"\g\a\c\h\a"
DATE_ON_FORMAT = DATE_FORMAT + r"\d\a"
# "2025-yil 19–21-noyabr", "2025-yil 28-noyabr – 2-dekabr".
DAY_RANGE_SAME_MONTH = (r"Y-\y\i\l j", "–", "j-E")
DAY_RANGE_SAME_YEAR = (DATE_FORMAT, " – ", "j-E")
