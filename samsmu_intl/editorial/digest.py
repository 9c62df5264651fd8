"""The weekly editorial digest: who receives it and what it says."""

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from samsmu_intl.department.models import Department
from samsmu_intl.editorial.admin_mixins import LANGUAGE_NAMES
from samsmu_intl.editorial.dashboard import agreement_alerts, translation_status
from samsmu_intl.editorial.models import FieldChange
from samsmu_intl.editorial.translation_status import PARTS
from samsmu_intl.serving.origin import absolute_url


def week_of(day):
    """The ISO week a day belongs to, e.g. "2026-W48": one digest per such week."""
    year, week, _weekday = day.isocalendar()
    return f"{year}-W{week:02d}"


def recipients():
    """The department's staff: active staff users who have an email address, and the
    department's own address when the admin has one. Each address once, whatever its case."""
    users = get_user_model().objects.filter(is_staff=True, is_active=True).exclude(email="")
    addresses = list(users.order_by("email").values_list("email", flat=True))
    if department_address := Department.load().email:
        addresses.append(department_address)
    unique = {}
    for address in addresses:
        unique.setdefault(address.strip().casefold(), address.strip())
    return list(unique.values())


def _admin_url(obj):
    try:
        path = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""
    return absolute_url(path)


@dataclass
class StaleItem:
    name: str
    model_name: str
    fields: list
    url: str


def _parent(part):
    """An inline part's item (a photo's event), which has the admin page to open."""
    for parent_label, relation_names in PARTS.items():
        app_label, model_name = parent_label.split(".")
        for name in relation_names:
            relation = apps.get_model(app_label, model_name)._meta.get_field(name)
            if relation.related_model is type(part):
                return getattr(part, relation.field.name)
    return None


def stale_items():
    """The items with stale texts, each with its fields and languages ("description (Uzbek)")."""
    rows = FieldChange.objects.stale().select_related("content_type").order_by("pk")
    grouped = defaultdict(list)
    for row in rows:
        grouped[(row.content_type, row.object_id)].append(row)
    by_model = defaultdict(set)
    for content_type, object_id in grouped:
        by_model[content_type].add(object_id)
    objects = {}
    for content_type, ids in by_model.items():
        model = content_type.model_class()
        for pk, obj in model._default_manager.in_bulk(ids).items():
            objects[(content_type, pk)] = obj
    items = []
    for key, field_rows in grouped.items():
        obj = objects.get(key)
        if obj is None:
            continue
        model = type(obj)
        fields = [
            f"{model._meta.get_field(r.field).verbose_name} ({LANGUAGE_NAMES[r.language]})"
            for r in field_rows
        ]
        target = _parent(obj) or obj
        items.append(StaleItem(str(obj), str(model._meta.verbose_name), fields, _admin_url(target)))
    return sorted(items, key=lambda item: (item.model_name, item.name))


def digest_context(today=None):
    today = today or timezone.localdate()
    models = translation_status()
    for row in models:
        for item in row.missing:
            item.url = absolute_url(item.url)
        row.stale_url = absolute_url(row.stale_url)
    agreements = agreement_alerts(today, limit=None)
    return {
        "week": week_of(today),
        "models": models,
        "missing_total": sum(item.count for row in models for item in row.missing),
        "stale": stale_items(),
        "expiring": agreements.expiring,
        "expired": agreements.expired,
        "expiring_url": absolute_url(agreements.expiring_url),
        "expired_url": absolute_url(agreements.expired_url),
        "admin_url": absolute_url(reverse("admin:index")),
    }


def render_digest(context):
    """(subject, plain text body) in the active language."""
    subject = render_to_string("editorial/digest_subject.txt", context).strip()
    body = render_to_string("editorial/digest.txt", context)
    return " ".join(subject.split()), body
