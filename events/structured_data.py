"""An event as schema.org data (JSON-LD), for its page."""

from django.urls import reverse
from django.utils.translation import gettext as _

from samsmu_intl.content.languages import localized
from samsmu_intl.seo.structured_data import CONTEXT, without_empty
from samsmu_intl.serving.origin import absolute_url


def event(request, event):
    """An Event with full dates: search engines reject a month alone ("2025-04"), so an event
    known only to the month runs from its first day to its last (Event.span())."""
    starts, ends = event.span()
    url = absolute_url(event.get_absolute_url(), request)
    if event.is_online:
        mode = "OnlineEventAttendanceMode"
        location = {"@type": "VirtualLocation", "url": url}
    else:
        mode = "OfflineEventAttendanceMode"
        location = {
            "@type": "Place",
            "name": str(
                localized(event, "venue") or localized(event, "city") or event.country.name
            ),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": str(localized(event, "city")),
                "addressCountry": event.country.code,
            },
        }
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": str(localized(event, "title")),
        "description": str(localized(event, "summary")),
        "url": url,
        "startDate": starts.isoformat(),
        "endDate": ends.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": f"https://schema.org/{mode}",
        "location": location,
        "organizer": {
            "@type": "CollegeOrUniversity",
            "name": _("Samarkand State Medical University"),
            "url": absolute_url(reverse("department:landing"), request),
        },
    }
    if event.cover:
        data["image"] = [absolute_url(event.cover.url, request)]
    return without_empty(data)
