"""The editors' guide in the admin: one short section per task, in the staff member's language.

Each section's text is a template of its own (templates/admin/guide/<slug>.html), so it goes
through the catalogues like every other string and the admin's "no English" guard reads it.
Every registered model's change page links to the section that says how to edit it: add a
model to the admin, add its line to MODEL_SECTIONS (tests/test_guide.py fails until it is)."""

from dataclasses import dataclass

from django.conf import settings
from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from partners.validators import MAX_PDF_BYTES
from samsmu_intl.accounts.second_factor import RECOVERY_CODE_COUNT
from samsmu_intl.applicants.validators import MAX_DOCUMENT_BYTES
from samsmu_intl.images import uploads


@dataclass(frozen=True)
class Section:
    slug: str
    title: str

    @property
    def template(self):
        return f"admin/guide/{self.slug}.html"

    @property
    def url(self):
        return f"{reverse('admin-guide')}#{self.slug}"


SECTIONS = [
    Section("partners", _("Add a partner and its agreement")),
    Section("publishing", _("Publish, schedule and take down")),
    Section("translating", _("Translate, and clear “may be out of date”")),
    Section("events", _("Add an event with registration and a webinar link")),
    Section("registrations", _("The waiting list, the registrants and the recording")),
    Section("news", _("Write news")),
    Section("applicants", _("The guide for applicants and public documents")),
    Section("department", _("The department’s contacts, team and messages")),
    Section("uploads", _("Upload images and documents")),
    Section("spreadsheets", _("Import partners from a spreadsheet")),
    Section("history", _("Restore a deleted item or an older version")),
    Section("roles", _("What editors may and may not do")),
    Section("locked-out", _("Locked out: a forgotten password or a lost phone")),
]
SECTION_BY_SLUG = {section.slug: section for section in SECTIONS}

# The section a model's change page links to, by the model's label ("app_label.model_name").
MODEL_SECTIONS = {
    "partners.partner": "partners",
    "partners.cooperationform": "partners",
    "partners.program": "applicants",
    "events.event": "events",
    "events.registration": "registrations",
    "certificates.certificatetemplate": "registrations",
    "certificates.certificate": "registrations",
    "news.newsarticle": "news",
    "applicants.applicantguide": "applicants",
    "applicants.publicdocument": "applicants",
    "department.department": "department",
    "department.staffmember": "department",
    "department.inquiry": "department",
    "auth.user": "roles",
    "auth.group": "roles",
    "axes.accessattempt": "locked-out",
    "axes.accessfailurelog": "locked-out",
    "axes.accesslog": "locked-out",
}


def section_for(opts):
    """The guide's section for a model's admin pages (its `_meta`), or None."""
    slug = MODEL_SECTIONS.get(opts.label_lower)
    return SECTION_BY_SLUG.get(slug)


def limits():
    """The upload and sign-in limits the guide quotes, read from where they are enforced."""
    return {
        "image_bytes": uploads.MAX_BYTES,
        "image_megapixels": uploads.MAX_PIXELS // 1_000_000,
        "image_formats": ", ".join(sorted(f.replace("WEBP", "WebP") for f in uploads.FORMATS)),
        "document_bytes": MAX_DOCUMENT_BYTES,
        "agreement_bytes": MAX_PDF_BYTES,
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
        "recovery_codes": RECOVERY_CODE_COUNT,
        "reset_hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
    }


def guide_view(request, site=admin.site):
    context = {
        **site.each_context(request),
        "title": _("Editor’s guide"),
        "sections": SECTIONS,
        "limits": limits(),
    }
    return TemplateResponse(request, "admin/guide/index.html", context)
