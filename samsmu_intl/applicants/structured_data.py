"""The guide's questions as schema.org's FAQPage (JSON-LD), for search engines."""

from django.utils.html import strip_tags

from samsmu_intl.content.languages import localized
from samsmu_intl.seo.structured_data import CONTEXT, without_empty
from samsmu_intl.serving.origin import absolute_url


def faq_page(request, questions):
    """None without questions: an empty FAQPage is an error to search engines."""
    if not questions:
        return None
    return without_empty(
        {
            "@context": CONTEXT,
            "@type": "FAQPage",
            "url": absolute_url(request.path, request),
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": str(localized(item, "question")),
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": strip_tags(str(localized(item, "answer"))).strip(),
                    },
                }
                for item in questions
            ],
        }
    )
