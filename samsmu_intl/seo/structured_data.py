"""schema.org data (JSON-LD) for search engines: the mechanism (the context, empty values left
out, breadcrumb trails).
Each app describes its own objects with it (department/structured_data.py: the university;
events/structured_data.py: an event)."""

from samsmu_intl.serving.origin import absolute_url

CONTEXT = "https://schema.org"


def without_empty(data):
    """The data without its empty values, at every depth: search engines reject a property
    written empty ("addressLocality": "") where they accept it left out. A thing that keeps only
    its "@type" (an address with neither town nor country) is empty too."""
    if isinstance(data, dict):
        kept = {key: without_empty(value) for key, value in data.items()}
        kept = {key: value for key, value in kept.items() if not _is_empty(value)}
        return kept if any(not key.startswith("@") for key in kept) else {}
    if isinstance(data, list | tuple):
        return [item for item in map(without_empty, data) if not _is_empty(item)]
    return data


def _is_empty(value):
    if isinstance(value, str):
        return not value.strip()
    return value is None or value == [] or value == {}


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
