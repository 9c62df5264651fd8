"""Language helpers shared by templates: links to this page in each language, and content
fields that say which language their text is really in."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language


def absolute_url(request, path):
    base = settings.SITE_URL or f"{request.scheme}://{request.get_host()}"
    return base + path


def absolute_url_for_path(path):
    """For links made outside a request (emails, feeds run from commands): SITE_URL, or the
    local development address when it is not set."""
    return (settings.SITE_URL or "http://127.0.0.1:8000") + path


def strip_language_prefix(path, language):
    prefix = f"/{language}/"
    return "/" + path.removeprefix(prefix) if path.startswith(prefix) else path


def language_versions(request):
    """This page (path and query string) in every language, for the switcher and hreflang."""
    current = get_language()
    full_path = request.get_full_path()
    return [
        {
            "code": code,
            "autonym": settings.LANGUAGE_AUTONYMS[code],
            "path": translate_url(full_path, code),
            "is_current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


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
