"""The applicants' section of /sitemap.xml: the guide and the documents page."""

from partners.models import Program
from samsmu_intl.applicants.models import ApplicantGuide, PublicDocument, Question
from samsmu_intl.seo.sitemaps import PagesSitemap


class ApplicantPagesSitemap(PagesSitemap):
    pages = {
        # What the guide shows: its text and questions, the documents, the open programs.
        "applicants:guide": lambda: [
            ApplicantGuide.objects.singleton(),
            Question.objects.published(),
            PublicDocument.objects.published(),
            Program.objects.published(),
        ],
        "applicants:documents": lambda: [PublicDocument.objects.published()],
    }
