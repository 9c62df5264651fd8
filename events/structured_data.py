"""An event as schema.org data (JSON-LD), for its page."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samsmu_intl.content.languages import localized
from samsmu_intl.seo.structured_data import CONTEXT
from samsmu_intl.serving.origin import absolute_url


def _event_date(event, moment):
    local = timezone.localtime(moment)
    if event.date_precision == event.DatePrecision.MONTH:
        return local.strftime("%Y-%m")
    if event.date_precision == event.DatePrecision.DAY:
        return local.date().isoformat()
    return local.isoformat()


def event(request, event):
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
                "addressCountry": event.country.code or "",
            },
        }
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": str(localized(event, "title")),
        "description": str(localized(event, "summary")),
        "url": url,
        "startDate": _event_date(event, event.starts_at),
        "endDate": _event_date(event, event.ends_at),
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
    return data
