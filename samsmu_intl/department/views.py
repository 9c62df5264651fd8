from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.generic import ListView, TemplateView

from events.models import Event
from partners.models import Partner
from samsmu_intl.content.preview import PreviewMixin
from samsmu_intl.content.views import PublishedViewMixin
from samsmu_intl.department.forms import InquiryForm
from samsmu_intl.department.models import Department, StaffMember
from samsmu_intl.department.notifications import acknowledge, notify_staff
from samsmu_intl.department.structured_data import university
from samsmu_intl.serving.ratelimit import over_hourly_limit


class LandingView(PublishedViewMixin, TemplateView):
    """The heading and summary come from the department row, which every page's context has."""

    template_name = "department/landing.html"

    def get_context_data(self, **kwargs):
        # The page's heading and the footer share this row (it replaces the context
        # processor's lazy copy), so it is read once.
        department = Department.load()
        return super().get_context_data(
            sections=self.visible(department.sections),
            department=department,
            structured_data=[university(self.request, department)],
            figures=Partner.objects.published().figures(),
            upcoming_events=Event.objects.published().upcoming()[:3],
            mobility_news=Event.objects.published().mobility().past()[:3],
            **kwargs,
        )


class LandingPreviewView(PreviewMixin, LandingView):
    """The home page with its draft and scheduled sections."""

    preview_model = Department


class TeamView(ListView):
    template_name = "department/team.html"
    context_object_name = "staff"

    def get_queryset(self):
        return StaffMember.objects.published()


class TeamPreviewView(PreviewMixin, TeamView):
    """The team page as it will be with this person on it, whatever their status."""

    preview_model = StaffMember

    def get_queryset(self):
        self.member = get_object_or_404(StaffMember, pk=self.kwargs["pk"])
        return super().get_queryset() | StaffMember.objects.filter(pk=self.member.pk)

    def previewed_item(self):
        return self.member


INQUIRIES_PER_ADDRESS_PER_HOUR = 5


@require_http_methods(["GET", "POST"])
def contact(request):
    form = InquiryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if over_hourly_limit(request, "inquiries", INQUIRIES_PER_ADDRESS_PER_HOUR):
            context = {"form": form, "limited": True}
            return render(request, "department/contact.html", context, status=429)
        if not form.is_spam:
            inquiry = form.save(commit=False)
            inquiry.language = get_language()
            inquiry.save()
            notify_staff(inquiry)
            acknowledge(inquiry)
        messages.success(
            request, _("Thank you. Your question has been received; we will answer by email.")
        )
        return redirect(request.path)
    return render(request, "department/contact.html", {"form": form})
