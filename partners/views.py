from django.db.models import Prefetch
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView, TemplateView

from partners.filters import FILTER_LABELS, PartnerFilters, countries_by_name, country_name
from partners.models import Agreement, CooperationForm, Partner, Program
from partners.regions import Region
from partners.worldmap import home, legend, world_map
from samsmu_intl.content.filters import Choice, query_string, read_choices
from samsmu_intl.content.languages import localized
from samsmu_intl.content.preview import PreviewMixin
from samsmu_intl.content.views import BreadcrumbsMixin, ForgivingPaginationMixin, PublishedViewMixin

PARTNERS_PER_PAGE = 24
PROGRAMS_PER_PAGE = 20


class PartnerListView(ForgivingPaginationMixin, ListView):
    template_name = "partners/partner_list.html"
    context_object_name = "partners"
    paginate_by = PARTNERS_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.cooperation_forms = list(CooperationForm.objects.all())
        self.filters = PartnerFilters.from_query(
            request.GET, [form.slug for form in self.cooperation_forms]
        )
        self.facet_counts, self.matching = self.filters.facets(
            Partner.objects.published(), self.cooperation_forms
        )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.filters.apply(Partner.objects.published().for_cards())

    def get_paginator(self, *args, **kwargs):
        paginator = super().get_paginator(*args, **kwargs)
        paginator.count = self.matching  # the facets counted them: no COUNT query of its own
        return paginator

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        facets = self.facet_counts
        forms_by_slug = {form.slug: form for form in self.cooperation_forms}
        context.update(
            filters=filters,
            facet_groups=[
                self.facet("region", [(r.value, r.label) for r in Region], facets),
                self.facet("country", self.country_choices(facets["country"]), facets),
                self.facet("kind", Partner.Kind.choices, facets),
                self.facet(
                    "cooperation", [(f.slug, f.name) for f in self.cooperation_forms], facets
                ),
            ],
            active_filters=[
                {
                    "label": FILTER_LABELS[name],
                    "value": self.value_label(name, value, forms_by_slug),
                    "remove_query": filters.query_string(**{name: ""}),
                }
                for name, value in filters.active
            ],
            page_query=filters.query_string(),
        )
        return context

    def facet(self, name, choices, facets):
        """A filter with its choices and how many partners each one would show."""
        counts = facets[name]
        selected = getattr(self.filters, name)
        return {
            "name": name,
            "label": FILTER_LABELS[name],
            "selected": selected,
            "options": [
                {"value": value, "label": label, "count": counts.get(value, 0)}
                for value, label in choices
                if counts.get(value) or value == selected
            ],
        }

    def country_choices(self, counts):
        """Only the countries that have partners (a select of every ISO country is useless)."""
        return countries_by_name(set(counts) | ({self.filters.country} - {""}))

    @staticmethod
    def value_label(name, value, forms_by_slug):
        if name == "region":
            return Region(value).label
        if name == "country":
            return country_name(value)
        if name == "kind":
            return Partner.Kind(value).label
        if name == "cooperation":
            return forms_by_slug[value].name
        return value


def partners_events():
    """Events, reached through the partners' reverse relation: events sit above partners in
    the layers (an event names its partner institution), so partners never import them."""
    return Partner._meta.get_field("events").related_model.objects


def partners_news():
    """News articles, reached the same way: news sits above partners in the layers."""
    return Partner._meta.get_field("news").related_model.objects


def programs_documents():
    """Public documents (forms, brochures), reached the same way: the applicants' app that
    holds them sits above partners in the layers."""
    return Program._meta.get_field("documents").related_model.objects


class PartnerDetailView(PublishedViewMixin, BreadcrumbsMixin, DetailView):
    template_name = "partners/partner_detail.html"
    context_object_name = "partner"
    breadcrumb_parent = (gettext_lazy("Partners"), "partners:list")

    def breadcrumb_label(self):
        return localized(self.object, "name")

    def get_queryset(self):
        return self.visible(Partner.objects).prefetch_related(
            "cooperation_forms",
            Prefetch(
                "agreements",
                Agreement.objects.published().active(),
                to_attr="active_agreements",
            ),
            Prefetch("programs", Program.objects.published(), to_attr="published_programs"),
            Prefetch(
                "events",
                partners_events().published().order_by("-starts_at"),
                to_attr="published_events",
            ),
            Prefetch("news", partners_news().published(), to_attr="published_news"),
        )


class PartnerPreviewView(PreviewMixin, PartnerDetailView):
    preview_model = Partner


class PartnerMapView(TemplateView):
    template_name = "partners/partner_map.html"

    def get_context_data(self, **kwargs):
        partners = Partner.objects.published()
        counts = partners.counts_by_country()
        region_counts = partners.counts_by_region()
        mobility = partners_events().published().mobility().counts_by_country()
        view_box, drawn = world_map(counts)
        return super().get_context_data(
            view_box=view_box,
            map_countries=drawn,
            home=home(),
            legend=legend(),
            country_rows=sorted(
                (
                    (country_name(code), code, counts.get(code, 0), mobility.get(code, 0))
                    for code in set(counts) | set(mobility)
                ),
                key=lambda row: (-row[2], -row[3], row[0]),
            ),
            region_rows=[(r.label, region_counts[r.value]) for r in Region if r in region_counts],
            partner_total=sum(counts.values()),
            country_count=len(counts),
            **kwargs,
        )


def partner_map_svg(request):
    """The map as an image, for the small map on the home page (no links, cached by browsers)."""
    view_box, drawn = world_map(Partner.objects.published().counts_by_country())
    svg = render_to_string(
        "partners/world_map.svg",
        {
            "view_box": view_box,
            "map_countries": drawn,
            "home": home(),
            "title": _("Partner map"),
        },
        request,
    )
    response = HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


class ProgramListView(ForgivingPaginationMixin, ListView):
    template_name = "partners/program_list.html"
    context_object_name = "programs"
    paginate_by = PROGRAMS_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.filters, self.ignored = read_choices(
            request.GET,
            {
                "level": Choice(_("Level"), Program.Level.values),
                "type": Choice(_("Type"), Program.Kind.values),
            },
        )
        self.level, self.kind = self.filters["level"], self.filters["type"]
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        programs = Program.objects.published()
        if self.level:
            programs = programs.filter(level=self.level)
        if self.kind:
            programs = programs.filter(kind=self.kind)
        return programs.open_first().prefetch_related(
            Prefetch("partners", Partner.objects.published(), to_attr="published_partners")
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            levels=Program.Level.choices,
            kinds=Program.Kind.choices,
            level=self.level,
            kind=self.kind,
            ignored=self.ignored,
            page_query=query_string(self.filters),
            **kwargs,
        )


class ProgramDetailView(PublishedViewMixin, BreadcrumbsMixin, DetailView):
    template_name = "partners/program_detail.html"
    context_object_name = "program"
    breadcrumb_parent = (gettext_lazy("Programs"), "partners:program-list")

    def breadcrumb_label(self):
        return localized(self.object, "title")

    def get_queryset(self):
        return self.visible(Program.objects).prefetch_related(
            Prefetch("partners", Partner.objects.published(), to_attr="published_partners"),
            Prefetch("documents", programs_documents().published(), to_attr="published_documents"),
        )


class ProgramPreviewView(PreviewMixin, ProgramDetailView):
    preview_model = Program
