"""Figures per listed item (registrations per event, active agreements per partner) as
correlated subqueries.

A join with GROUP BY would give the same numbers, but it turns every other query of an admin
list into one over the joined rows as well: the paginator's COUNT(*), the date hierarchy's
years and months. A subquery in the SELECT list leaves those on the bare table, and the
database works it out only for the rows it returns."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce


def per_item(related, aggregate, via):
    """`aggregate` (e.g. Min("valid_until")) over the rows of `related` whose foreign key `via`
    points at each row of the outer query; None where there are none."""
    rows = related.filter(**{via: OuterRef("pk")}).order_by().values(via)
    return Subquery(rows.annotate(value=aggregate).values("value"))


def count_per_item(related, via):
    """How many rows of `related` point at each row of the outer query through `via` (0, not
    None, where there are none)."""
    return Coalesce(per_item(related, Count("pk"), via), Value(0), output_field=IntegerField())
