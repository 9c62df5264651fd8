"""Translated content in the page's language: a field's text, or its fallback language's, saying
which language it is really in (so that a page can mark it with its own `lang`)."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language


def fallback_chain(language):
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    return (language, *fallbacks.get(language, fallbacks["default"]))


@dataclass(frozen=True)
class LocalizedText:
    """A translated field's text, and the language it is actually in."""

    text: str
    language: str
    requested: str

    @property
    def is_fallback(self):
        return bool(self.text) and self.language != self.requested

    @property
    def lang_attr(self):
        """` lang="ru"` when the text is not in the page's language, to go inside a tag."""
        if self.is_fallback:
            return format_html(' lang="{}"', self.language)
        return ""

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)


def localized(instance, field_name, language=None):
    """The field in the page's language or, when empty, in the first fallback that has it."""
    requested = language or get_language() or settings.LANGUAGE_CODE
    for code in fallback_chain(requested):
        text = getattr(instance, f"{field_name}_{code}", None)
        if text:
            return LocalizedText(text, code, requested)
    return LocalizedText("", requested, requested)
