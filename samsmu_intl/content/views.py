"""What the public views of content share: what visitors may see, forgiving pagination, and
breadcrumbs whose trail feeds both the visible links and their JSON-LD."""

from django.urls import reverse
from django.utils.translation import gettext as _

from samsmu_intl.seo.structured_data import breadcrumb_list


class PublishedViewMixin:
    """For public views of Publishable content: what visitors may see."""

    def visible(self, queryset):
        return queryset.published()


class ForgivingPaginationMixin:
    """For ListViews: a page number past the end shows the last page and one that is not a
    number shows the first, instead of a 404 for a link that was valid yesterday."""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()


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
