from django.urls import reverse
from django.utils.translation import gettext as _

from samsmu_intl.structured_data import breadcrumb_list


class BreadcrumbsMixin:
    """For detail views: `breadcrumb_parent` is (label, url name) of the list page. The trail
    feeds both the visible breadcrumbs and their JSON-LD, so the two cannot disagree."""

    breadcrumb_parent = None

    def breadcrumb_label(self):
        raise NotImplementedError

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        label, url_name = self.breadcrumb_parent
        current = self.breadcrumb_label()
        trail = [
            (_("Home"), reverse("department:landing")),
            (label, reverse(url_name)),
            (current, self.request.path),
        ]
        context["breadcrumbs"] = trail
        context["breadcrumbs_current"] = current
        context.setdefault("structured_data", []).append(breadcrumb_list(self.request, trail))
        return context
