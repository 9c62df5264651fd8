"""Content counted by place: how many items per country and per region, the one way the map,
the directory's facets and any other count group a queryset."""

from django.db.models import Count


class PlaceCountsMixin:
    """For the queryset of a model with a `country` column and, where it has one, a `region`."""

    def counted_by(self, *fields):
        """Rows of (*values, count), one per distinct combination of `fields`. Unevaluated, so
        that several can be joined into one query (UNION ALL)."""
        return self.values_list(*fields).annotate(n=Count("pk")).order_by()

    def counts_by(self, field):
        """{value: count} for each value of `field`; items without one are not counted."""
        return dict(self.exclude(**{field: ""}).counted_by(field))

    def counts_by_country(self):
        return self.counts_by("country")

    def counts_by_region(self):
        return self.counts_by("region")
