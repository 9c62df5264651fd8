"""The department's section of /sitemap.xml: the home page and the team."""

from samsmu_intl.seo.sitemaps import PagesSitemap


class DepartmentPagesSitemap(PagesSitemap):
    url_names = ("department:landing", "department:team")
