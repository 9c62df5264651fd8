"""schema.org data (JSON-LD) for search engines: the university on the home page, events,
and breadcrumb trails on detail pages."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from samsmu_intl.i18n import absolute_url, localized

CONTEXT = "https://schema.org"


def university(request, department=None):
    data = {
        "@context": CONTEXT,
        "@type": "CollegeOrUniversity",
        "name": _("Samarkand State Medical University"),
        "alternateName": _("SamSMU"),
        "url": absolute_url(request, reverse("department:landing")),
        "logo": absolute_url(request, static("img/og-default.png")),
        "department": {
            "@type": "Organization",
            "name": _("Department of International Cooperation"),
            "url": absolute_url(request, reverse("department:landing")),
        },
    }
    if department is not None:
        if department.website:
            data["sameAs"] = [department.website]
        address = localized(department, "address")
        if address:
            data["address"] = {"@type": "PostalAddress", "streetAddress": str(address)}
        if department.email:
            data["department"]["email"] = department.email
        if department.phone:
            data["department"]["telephone"] = department.phone
    return data


def _event_date(event, moment):
    local = timezone.localtime(moment)
    if event.date_precision == event.DatePrecision.MONTH:
        return local.strftime("%Y-%m")
    if event.date_precision == event.DatePrecision.DAY:
        return local.date().isoformat()
    return local.isoformat()


def event(request, event):
    url = absolute_url(request, event.get_absolute_url())
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
            "url": absolute_url(request, reverse("department:landing")),
        },
    }
    if event.cover:
        data["image"] = [absolute_url(request, event.cover.url)]
    return data


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
                "item": absolute_url(request, path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }
