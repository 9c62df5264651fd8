"""schema.org data (JSON-LD) for search engines: the mechanism (the context, breadcrumb trails).
Each app describes its own objects with it (department/structured_data.py: the university;
events/structured_data.py: an event)."""

from samsmu_intl.serving.origin import absolute_url

CONTEXT = "https://schema.org"


def breadcrumb_list(request, trail):
    """trail: [(name, path)], from the home page to the current page."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(name),
                "item": absolute_url(path, request),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }
