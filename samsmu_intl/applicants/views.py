from django.views.generic import ListView, TemplateView

from partners.models import Program
from samsmu_intl.applicants.models import (
    ApplicantGuide,
    ApplicationStep,
    PublicDocument,
    Question,
)
from samsmu_intl.applicants.structured_data import faq_page
from samsmu_intl.content.preview import PreviewMixin
from samsmu_intl.content.views import ForgivingPaginationMixin, PublishedViewMixin

OPEN_PROGRAMS = 12
DOCUMENTS_PER_PAGE = 50


class GuideView(PublishedViewMixin, TemplateView):
    template_name = "applicants/guide.html"

    def get_context_data(self, **kwargs):
        guide = ApplicantGuide.load()
        questions = list(self.visible(Question.objects.filter(guide_id=guide.pk)))
        contact = guide.contact if guide.contact and guide.contact.is_visible else None
        faq = faq_page(self.request, questions)
        return super().get_context_data(
            guide=guide,
            steps=list(ApplicationStep.objects.filter(guide_id=guide.pk)),
            questions=questions,
            contact=contact,
            documents=list(PublicDocument.objects.published()),
            open_programs=list(
                Program.objects.published().open_first().filter(accepting=True)[:OPEN_PROGRAMS]
            ),
            structured_data=[faq] if faq else [],
            **kwargs,
        )


class GuidePreviewView(PreviewMixin, GuideView):
    """The guide with its draft and scheduled questions."""

    preview_model = ApplicantGuide


class DocumentListView(ForgivingPaginationMixin, ListView):
    template_name = "applicants/document_list.html"
    context_object_name = "documents"
    paginate_by = DOCUMENTS_PER_PAGE

    def get_queryset(self):
        return PublicDocument.objects.published()
