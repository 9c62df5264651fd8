"""The university and its department as schema.org data, for the home page."""

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _

from samsmu_intl.content.languages import localized
from samsmu_intl.seo.structured_data import CONTEXT, without_empty
from samsmu_intl.serving.origin import absolute_url


def university(request, department=None):
    data = {
        "@context": CONTEXT,
        "@type": "CollegeOrUniversity",
        "name": _("Samarkand State Medical University"),
        "alternateName": _("SamSMU"),
        "url": absolute_url(reverse("department:landing"), request),
        "logo": absolute_url(static("img/og-default.png"), request),
        "department": {
            "@type": "Organization",
            "name": _("Department of International Cooperation"),
            "url": absolute_url(reverse("department:landing"), request),
        },
    }
    if department is not None:
        data["name"] = str(department.university)
        data["alternateName"] = str(department.university_short)
        if department.emblem:
            data["logo"] = absolute_url(department.emblem_512.url, request)
        data["sameAs"] = [department.website]
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": str(localized(department, "address")),
        }
        data["department"]["email"] = department.email
        data["department"]["telephone"] = department.phone
    return without_empty(data)
