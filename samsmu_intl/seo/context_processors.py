"""What every page's head needs: its canonical address, its versions in the other languages
(hreflang, the language switcher) and the Open Graph locales."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from samsmu_intl.serving.origin import absolute_url

OPEN_GRAPH_LOCALES = {"uz": "uz_UZ", "ru": "ru_RU", "en": "en_US"}


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


def site(request):
    language = get_language()
    versions = language_versions(request)
    return {
        "language_versions": versions,
        "canonical_url": absolute_url(request.path, request),
        "alternate_urls": [
            (version["code"], absolute_url(version["path"].split("?")[0], request))
            for version in versions
        ],
        # The unprefixed path redirects each visitor to their own language.
        "x_default_url": absolute_url(strip_language_prefix(request.path, language), request),
        "og_locale": OPEN_GRAPH_LOCALES[language],
        "og_alternate_locales": [
            locale for code, locale in OPEN_GRAPH_LOCALES.items() if code != language
        ],
    }
