"""The partners' and programs' sections of /sitemap.xml."""

from partners.models import Partner, Program
from samsmu_intl.seo.sitemaps import PagesSitemap, PublishedSitemap


class PartnerPagesSitemap(PagesSitemap):
    url_names = ("partners:list", "partners:map", "partners:program-list")


class PartnerSitemap(PublishedSitemap):
    model = Partner


class ProgramSitemap(PublishedSitemap):
    model = Program
