"""The department's section of /sitemap.xml: the home page, the team and the contact page."""

from events.models import Event
from partners.models import Partner
from samsmu_intl.department.models import Department, LandingSection, StaffMember
from samsmu_intl.seo.sitemaps import PagesSitemap


class DepartmentPagesSitemap(PagesSitemap):
    pages = {
        # What the home page shows: its text and sections, the partners' figures, the events.
        "department:landing": lambda: [
            Department.objects.singleton(),
            LandingSection.objects.published(),
            Partner.objects.published(),
            Event.objects.published(),
        ],
        "department:team": lambda: [StaffMember.objects.published()],
        "department:contact": lambda: [Department.objects.singleton()],
    }
