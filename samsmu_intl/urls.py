from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from events.sitemaps import EventPagesSitemap, EventSitemap
from partners.sitemaps import PartnerPagesSitemap, PartnerSitemap, ProgramSitemap
from samsmu_intl import views
from samsmu_intl.accounts import password_reset
from samsmu_intl.applicants.sitemaps import ApplicantPagesSitemap
from samsmu_intl.department.sitemaps import DepartmentPagesSitemap
from samsmu_intl.editorial.guide import guide_view
from samsmu_intl.editorial.search import search_view
from samsmu_intl.news.sitemaps import NewsPagesSitemap, NewsSitemap

# Each app describes its own pages; the order is the order of /sitemap.xml.
SITEMAPS = {
    "department": DepartmentPagesSitemap,
    "partner-pages": PartnerPagesSitemap,
    "event-pages": EventPagesSitemap,
    "news-pages": NewsPagesSitemap,
    "applicant-pages": ApplicantPagesSitemap,
    "partners": PartnerSitemap,
    "programs": ProgramSitemap,
    "events": EventSitemap,
    "news": NewsSitemap,
}

admin.site.site_header = _("SamSMU International Cooperation")
admin.site.site_title = _("SamSMU International Cooperation: administration")
admin.site.index_title = _("Site content")
# Lists keep their width for their columns (they fit a 1280 px window): the home page and the
# breadcrumbs lead everywhere the sidebar did.
admin.site.enable_nav_sidebar = False

urlpatterns = [
    path("favicon.ico", views.favicon),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("admin/search/", admin.site.admin_view(search_view), name="admin-search"),
    path("admin/guide/", admin.site.admin_view(guide_view), name="admin-guide"),
    # A forgotten password, on the admin's pages (its sign-in is in samsmu_intl/accounts/sites.py).
    path("admin/", include(password_reset.urlpatterns)),
    path("admin/", admin.site.urls),
    # The admin's language choice (a POST that sets the language cookie); the public site switches
    # languages with plain links instead, so its pages stay cacheable.
    path("i18n/", include("django.conf.urls.i18n")),
]

urlpatterns += i18n_patterns(
    path("", include("samsmu_intl.department.urls")),
    path("", include("partners.urls")),
    path("", include("events.urls")),
    path("", include("samsmu_intl.news.urls")),
    path("", include("samsmu_intl.applicants.urls")),
    path("", include("samsmu_intl.certificates.urls")),
    prefix_default_language=True,
)

urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.media)]
