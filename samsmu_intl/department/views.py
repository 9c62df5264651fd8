from django.views.generic import ListView, TemplateView

from events.models import Event
from partners.models import Partner
from samsmu_intl.department.models import Department, LandingSection, StaffMember
from samsmu_intl.structured_data import university


class LandingView(TemplateView):
    """The heading and summary come from the department row, which every page's context has."""

    template_name = "department/landing.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            sections=LandingSection.objects.published().filter(department_id=1),
            # The page's heading and the footer share this row (it replaces the context
            # processor's lazy copy), so it is read once.
            department=(department := Department.load()),
            structured_data=[university(self.request, department)],
            figures=Partner.objects.published().figures(),
            upcoming_events=Event.objects.published().upcoming()[:3],
            mobility_news=Event.objects.published().mobility().past()[:3],
            **kwargs,
        )


class TeamView(ListView):
    template_name = "department/team.html"
    context_object_name = "staff"

    def get_queryset(self):
        return StaffMember.objects.published()
