"""One search box on the admin's home page: partners, programs, events, staff, news and
inquiries found by name in any of the three languages, listed by kind.

Each kind is searched by its own admin (its search fields, its permissions), so what a staff
member finds is what that list would show them."""

from django.contrib import admin
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

SEARCHED_APPS = ("partners", "events", "department", "news")
PER_KIND = 10


def searched_admins(request, site=admin.site):
    """The content admins with a search box that this staff member may see, in a fixed order."""
    found = [
        model_admin
        for model, model_admin in site._registry.items()
        if model._meta.app_label in SEARCHED_APPS
        and model_admin.search_fields
        and model_admin.has_view_or_change_permission(request)
    ]
    return sorted(found, key=lambda m: (SEARCHED_APPS.index(m.opts.app_label), m.opts.model_name))


def search(request, terms, site=admin.site):
    """[{"name", "items", "count", "list_url"}] for the kinds with results."""
    results = []
    for model_admin in searched_admins(request, site):
        queryset = model_admin.get_queryset(request)
        matches, may_have_duplicates = model_admin.get_search_results(request, queryset, terms)
        if may_have_duplicates:
            matches = matches.distinct()
        count = matches.count()
        if not count:
            continue
        opts = model_admin.opts
        changelist = reverse(f"{site.name}:{opts.app_label}_{opts.model_name}_changelist")
        results.append(
            {
                "name": opts.verbose_name_plural,
                "count": count,
                "items": [
                    {
                        "label": str(item),
                        "url": reverse(
                            f"{site.name}:{opts.app_label}_{opts.model_name}_change",
                            args=[item.pk],
                        ),
                    }
                    for item in matches[:PER_KIND]
                ],
                "list_url": f"{changelist}?{urlencode({'q': terms})}",
            }
        )
    return results


def search_view(request, site=admin.site):
    terms = request.GET.get("q", "").strip()[:200]
    context = {
        **site.each_context(request),
        "title": _("Search the site’s content"),
        "terms": terms,
        "results": search(request, terms, site) if terms else [],
        "per_kind": PER_KIND,
    }
    return TemplateResponse(request, "admin/search.html", context)
