"""The partners' and programs' sections of /sitemap.xml."""

from partners.models import Partner, Program
from samsmu_intl.seo.sitemaps import PagesSitemap, PublishedSitemap


class PartnerPagesSitemap(PagesSitemap):
    pages = {
        "partners:list": lambda: [Partner.objects.published()],
        "partners:map": lambda: [Partner.objects.published()],
        "partners:program-list": lambda: [Program.objects.published()],
    }


class PartnerSitemap(PublishedSitemap):
    model = Partner


class ProgramSitemap(PublishedSitemap):
    model = Program
