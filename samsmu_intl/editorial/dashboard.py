"""The admin home page's figures: what needs an editor's attention. A fixed number of queries
whatever the amount of content (one per content model, plus a few)."""

from dataclasses import dataclass, field

from django.contrib import admin
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode

from events.models import Event, Registration
from partners.models import Agreement, Partner
from samsmu_intl.content.publishing import Publishable
from samsmu_intl.department.models import Inquiry
from samsmu_intl.department.notifications import inquiry_recipients
from samsmu_intl.editorial.admin_mixins import (
    LANGUAGE_NAMES,
    EditorialAdminMixin,
    MissingTranslationFilter,
    StaleTranslationFilter,
)
from samsmu_intl.editorial.models import FieldChange
from samsmu_intl.editorial.translation_status import (
    LANGUAGES,
    missing_translation_counts,
    part_relations,
    visitor_fields,
)

LIST_LIMIT = 10


@dataclass
class MissingCount:
    language: str
    count: int
    url: str

    @property
    def language_name(self):
        return LANGUAGE_NAMES[self.language]


@dataclass
class ModelStatus:
    model: type
    name: str
    published_only: bool
    missing: list = field(default_factory=list)
    stale: int = 0
    stale_url: str = ""

    @property
    def needs_attention(self):
        return self.stale or any(item.count for item in self.missing)


def changelist_url(model, **params):
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def _stale_counts():
    """{model label: stale texts}, one query (content types joined, not looked up)."""
    rows = (
        FieldChange.objects.stale()
        .values("content_type__app_label", "content_type__model")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {f"{r['content_type__app_label']}.{r['content_type__model']}": r["n"] for r in rows}


def translation_status(request=None, site=admin.site):
    """Per content model the editor may see (all of them when there is no request): published
    items missing each language (drafts are the editor's own business until published; scheduled
    ones count as published), and stale texts (of all items and their parts)."""
    stale = _stale_counts()
    rows = []
    for model, model_admin in site._registry.items():
        if not isinstance(model_admin, EditorialAdminMixin) or not visitor_fields(model):
            continue
        if request is not None and not model_admin.has_view_permission(request):
            continue
        base = {}
        published_only = issubclass(model, Publishable)
        if published_only:
            base["status__exact"] = Publishable.Status.PUBLISHED
        counts = missing_translation_counts(model, published_only)
        row = ModelStatus(model, model._meta.verbose_name_plural, published_only)
        for code in LANGUAGES:
            url = changelist_url(model, **base, **{MissingTranslationFilter.parameter_name: code})
            row.missing.append(MissingCount(code, counts[code], url))
        labels = [model._meta.label_lower] + [
            relation.related_model._meta.label_lower for relation in part_relations(model)
        ]
        row.stale = sum(stale.get(label, 0) for label in labels)
        row.stale_url = changelist_url(model, **{StaleTranslationFilter.parameter_name: "yes"})
        rows.append(row)
    return sorted(rows, key=lambda row: str(row.name))


@dataclass
class AgreementAlerts:
    expiring_count: int
    expired_count: int
    expiring: list
    expired: list
    expiring_url: str
    expired_url: str


def agreement_alerts(today=None, limit=LIST_LIMIT):
    """Agreements ending within 90 days and those ended: counts and the nearest `limit` (all
    with None; the rules are AgreementQuerySet's, the links go to the partner list's own
    agreement filter)."""
    expiring = Agreement.objects.expiring(today)
    expired = Agreement.objects.expired(today)
    counts = Agreement.objects.aggregate(
        expiring=Count("pk", filter=Q(pk__in=expiring.values("pk"))),
        expired=Count("pk", filter=Q(pk__in=expired.values("pk"))),
    )
    expiring_first = expiring.select_related("partner").order_by("valid_until", "pk")
    latest_expired_first = expired.select_related("partner").order_by("-valid_until", "pk")
    return AgreementAlerts(
        expiring_count=counts["expiring"],
        expired_count=counts["expired"],
        expiring=list(expiring_first[:limit]),
        expired=list(latest_expired_first[:limit]),
        expiring_url=changelist_url(Partner, agreements="expiring"),
        expired_url=changelist_url(Partner, agreements="expired"),
    )


def upcoming_events():
    """The next published events, with their confirmed and waiting-list registrations."""
    return list(Event.objects.published().upcoming().with_registration_counts()[:LIST_LIMIT])


def dashboard(request, site=admin.site):
    def may_view(model):
        model_admin = site._registry.get(model)
        return model_admin is not None and model_admin.has_view_permission(request)

    models = translation_status(request, site)
    return {
        "models": models,
        "languages": [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES],
        "stale_total": sum(row.stale for row in models),
        "agreements": agreement_alerts() if may_view(Partner) else None,
        "events": upcoming_events() if may_view(Event) else None,
        "registrations_visible": may_view(Registration),
        # Inquiries are stored either way; without an address nobody hears of them.
        "inquiries_unannounced": may_view(Inquiry) and not inquiry_recipients(),
        "list_limit": LIST_LIMIT,
    }
