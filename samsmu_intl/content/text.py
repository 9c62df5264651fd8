"""Text helpers shared by the apps: search normalisation and sanitised rich text."""

import inspect
import re
import unicodedata

from django_prose_editor.fields import ProseEditorField, create_sanitizer
from modeltranslation.fields import TranslationFieldDescriptor

# Uzbek is typed with any of these for the ʻ in oʻ/gʻ and the ʼ of the tutuq belgisi.
APOSTROPHES = dict.fromkeys(map(ord, "ʻʼ‘’`´'"), "'")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
SEARCH_QUERY_MAX_LENGTH = 200


def normalise_for_search(text):
    """One form for stored text and queries alike, so that SQLite and PostgreSQL match the same
    things: Unicode-normalised, casefolded (Cyrillic too), one apostrophe, single spaces."""
    text = unicodedata.normalize("NFKC", text or "")
    text = CONTROL_CHARACTERS.sub(" ", text).translate(APOSTROPHES).casefold()
    return " ".join(text.split())


def search_query(raw):
    """A visitor's query, normalised and cut to a length the database handles well."""
    return normalise_for_search(raw[: SEARCH_QUERY_MAX_LENGTH * 2])[
        :SEARCH_QUERY_MAX_LENGTH
    ].strip()


RICH_TEXT_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
    # The menu's tooltips and labels in the staff member's language (static/js/
    # prose-editor-language.js, DJANGO_PROSE_EDITOR_EXTENSIONS): last, after every menu item.
    "MenuInLanguage": True,
}


sanitize_rich_text = create_sanitizer(RICH_TEXT_EXTENSIONS)


class RichTextField(ProseEditorField):
    """Formatted text from the admin's editor, sanitised with nh3 whenever it is saved (also
    when it comes from an import or a script, not only from the admin form)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", RICH_TEXT_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            value = self.sanitize(value)
            # A translated field's own name reads the page language's text or its fallback and
            # writes to the page language: writing back would copy, say, the English text into
            # the Uzbek column. Each language's column is sanitised as a field of its own.
            if not isinstance(
                inspect.getattr_static(type(model_instance), self.attname, None),
                TranslationFieldDescriptor,
            ):
                setattr(model_instance, self.attname, value)
        return value
