"""Dates as each language writes them where Django's own formats differ (FORMAT_MODULE_PATH):
only what is set here replaces Django's; the rest of each language's formats stay Django's."""
