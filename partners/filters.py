"""The partner directory's filters: read from the query string, applied to a queryset, counted
per value (facets), and turned back into links."""

from dataclasses import dataclass, field, fields, replace
from functools import cache

from django.db.models import Value
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.data import COUNTRIES

from partners.models import Partner
from partners.regions import Region
from samsmu_intl.content.filters import Choice, query_string, read_choices
from samsmu_intl.content.text import search_query

COUNTRY_CODES = frozenset(COUNTRIES)


@cache
def _country_names(language):
    # Plain strings: lazy ones would be translated again on every use.
    return {code: str(name) for code, name in countries}


def country_names():
    """{code: name} of every country in the active language, translated once per language and
    process, not once per option on every page."""
    return _country_names(get_language())


def country_name(code):
    return country_names()[code]


def countries_by_name(codes):
    """[(code, name)] of these countries, in the order of their names in the active language."""
    names = country_names()
    return sorted(((code, names[code]) for code in codes), key=lambda choice: choice[1])


FILTER_LABELS = {
    "region": _("Region"),
    "country": _("Country"),
    "kind": _("Kind"),
    "cooperation": _("Form of cooperation"),
    "q": _("Search"),
}


@dataclass(frozen=True)
class PartnerFilters:
    region: str = ""
    country: str = ""
    kind: str = ""
    cooperation: str = ""
    q: str = ""
    # (label, value) of parameters that named nothing we know; shown to the visitor.
    ignored: tuple = field(default=(), compare=False)

    @classmethod
    def from_query(cls, params, cooperation_slugs):
        values, ignored = read_choices(
            params,
            {
                "region": Choice(FILTER_LABELS["region"], set(Region.values)),
                "country": Choice(FILTER_LABELS["country"], COUNTRY_CODES, str.upper),
                "kind": Choice(FILTER_LABELS["kind"], set(Partner.Kind.values)),
                "cooperation": Choice(FILTER_LABELS["cooperation"], set(cooperation_slugs)),
            },
        )
        return cls(**values, q=search_query(params.get("q", "")), ignored=tuple(ignored))

    @property
    def active(self):
        """[(name, value)] of the filters in force, in the order the page shows them."""
        return [
            (f.name, getattr(self, f.name))
            for f in fields(self)
            if f.name != "ignored" and getattr(self, f.name)
        ]

    def without(self, name):
        return replace(self, **{name: ""}, ignored=())

    def apply(self, queryset):
        if self.region:
            queryset = queryset.filter(region=self.region)
        if self.country:
            queryset = queryset.filter(country=self.country)
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.cooperation:
            # A subquery, not a join: a partner stays one row, so no DISTINCT is needed.
            with_form = Partner.cooperation_forms.through.objects.filter(
                cooperationform__slug=self.cooperation
            )
            queryset = queryset.filter(pk__in=with_form.values("partner_id"))
        if self.q:
            queryset = queryset.search(self.q)
        return queryset

    def query_string(self, **changes):
        """The query string for these filters with some changed; the page number is dropped,
        since the list it counted is another one."""
        return query_string({**dict(self.active), **changes})

    def facets(self, published, cooperation_forms):
        """Counts per value of each filter, with every other filter applied (the number a visitor
        gets by choosing that value), and the number of partners matching them all. Two queries:
        a GROUP BY per filter joined by UNION ALL, each answered from the (status, region,
        country, kind, publish_from, publish_until) index alone; and the forms, counted on the
        link table without joining their names."""
        per_filter = [
            self.without(name)
            .apply(published)
            .rewrite(False)  # plain columns: no translation fallbacks to resolve per row
            .annotate(facet=Value(name))
            .counted_by("facet", name)
            for name in ("region", "country", "kind")
        ]
        counts = {"region": {}, "country": {}, "kind": {}}
        for name, value, n in per_filter[0].union(*per_filter[1:], all=True):
            counts[name][value] = n
        slug_by_id = {form.pk: form.slug for form in cooperation_forms}
        by_form = (
            self.without("cooperation")
            .apply(published)
            .filter(cooperation_forms__isnull=False)
            .rewrite(False)
            .counted_by("cooperation_forms")
        )
        counts["cooperation"] = {slug_by_id[form_id]: n for form_id, n in by_form}
        # Every partner has one region (possibly ""), so the region counts add up to the total.
        regions = counts["region"]
        total = regions.get(self.region, 0) if self.region else sum(regions.values())
        return counts, total
