from django.views.generic import ListView, TemplateView

from samsmu_intl.department.models import Department, LandingSection, StaffMember


class LandingView(TemplateView):
    template_name = "department/landing.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page=Department.load(),
            sections=LandingSection.objects.published().filter(department_id=1),
            **kwargs,
        )


class TeamView(ListView):
    template_name = "department/team.html"
    context_object_name = "staff"

    def get_queryset(self):
        return StaffMember.objects.published()
