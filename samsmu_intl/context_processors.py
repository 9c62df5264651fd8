from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from samsmu_intl.department.models import Department
from samsmu_intl.i18n import absolute_url, language_versions, strip_language_prefix

OPEN_GRAPH_LOCALES = {"uz": "uz_UZ", "ru": "ru_RU", "en": "en_US"}


def site(request):
    language = get_language()
    versions = language_versions(request)
    return {
        "language_versions": versions,
        "canonical_url": absolute_url(request, request.path),
        "alternate_urls": [
            (version["code"], absolute_url(request, version["path"].split("?")[0]))
            for version in versions
        ],
        # The unprefixed path redirects each visitor to their own language.
        "x_default_url": absolute_url(request, strip_language_prefix(request.path, language)),
        "department": SimpleLazyObject(Department.load),
        "og_locale": OPEN_GRAPH_LOCALES[language],
        "og_alternate_locales": [
            locale for code, locale in OPEN_GRAPH_LOCALES.items() if code != language
        ],
    }
