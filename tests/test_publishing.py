"""When an item was first published and last changed: what feeds and sitemaps report."""

import datetime

from django.utils import timezone

from partners.models import Partner


def test_a_draft_has_no_publication_time_until_it_is_published(make_partner):
    partner = make_partner("charite", status=Partner.Status.DRAFT)
    assert partner.published_at is None

    partner.status = Partner.Status.PUBLISHED
    before = timezone.now()
    partner.save()
    assert before <= partner.published_at <= timezone.now()


def test_a_scheduled_item_is_first_published_at_its_publish_from_time(make_partner):
    tomorrow = timezone.now() + datetime.timedelta(days=1)
    partner = make_partner("charite", publish_from=tomorrow)
    assert partner.published_at == tomorrow

    later = tomorrow + datetime.timedelta(days=2)
    partner.publish_from = later  # rescheduled before visitors saw it
    partner.save()
    assert partner.published_at == later


def test_the_first_publication_is_kept_through_edits_and_drafts(make_partner):
    partner = make_partner("charite")
    first = partner.published_at
    updated = partner.updated_at

    partner.status = Partner.Status.DRAFT
    partner.save()
    partner.status = Partner.Status.PUBLISHED
    partner.city_en = "Berlin"
    partner.save()
    assert partner.published_at == first
    assert partner.updated_at > updated


def test_saving_only_the_status_also_saves_the_publication_time(make_partner):
    partner = make_partner("charite", status=Partner.Status.DRAFT)
    partner.status = Partner.Status.PUBLISHED
    partner.save(update_fields=["status"])
    partner.refresh_from_db()
    assert partner.published_at is not None


def test_publish_until_takes_an_item_down_by_itself(client, make_program):
    from django.urls import reverse
    from django.utils import translation

    from partners.models import Program

    program = make_program("call-2027", title_en="Call for applications 2027")
    with translation.override("en"):
        detail = reverse("partners:program-detail", args=[program.slug])
        listing = reverse("partners:program-list")
    assert client.get(detail).status_code == 200

    Program.objects.filter(pk=program.pk).update(
        publish_until=timezone.now() - datetime.timedelta(minutes=1)
    )
    client.get(listing)  # the page cache holds pages at most PAGE_CACHE_SECONDS
    from django.core.cache import cache

    cache.clear()
    assert client.get(detail).status_code == 404
    assert "Call for applications 2027" not in client.get(listing).content.decode()


def test_publish_until_must_come_after_publish_from(make_partner):
    import pytest
    from django.core.exceptions import ValidationError

    partner = make_partner("charite")
    partner.publish_from = timezone.now() + datetime.timedelta(days=2)
    partner.publish_until = timezone.now() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as refused:
        partner.clean()
    assert "publish_until" in refused.value.message_dict


def test_lists_and_forms_say_scheduled_with_the_time_not_published(admin_client, make_partner):
    from django.urls import reverse

    moment = timezone.make_aware(datetime.datetime(2031, 3, 5, 10, 0))
    partner = make_partner("charite", publish_from=moment, name_en="Charité")
    make_partner("karolinska", name_en="Karolinska")
    import re

    changelist = admin_client.get(reverse("admin:partners_partner_changelist")).content.decode()
    states = re.findall(r'<td class="field-publication_state">(.*?)</td>', changelist)
    assert sorted(states) == ["Published", "Scheduled for March 5, 2031, 10:00"]
    change = reverse("admin:partners_partner_change", args=[partner.pk])
    form = admin_client.get(change).content.decode()
    assert "Scheduled for" in form
    assert 'name="publish_until_0"' in form  # the admin's date and time inputs


def test_bulk_publish_and_draft_are_seen_from_the_public_pages(
    editor, client, make_partner, settings
):
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from partners.models import Partner

    drafts = [
        make_partner(slug, status=Partner.Status.DRAFT, name_en=slug.title())
        for slug in ("charite", "karolinska")
    ]
    staff = Client()
    staff.force_login(editor)
    changelist = reverse("admin:partners_partner_changelist")
    selected = [partner.pk for partner in drafts]
    response = staff.post(changelist, {"action": "publish_selected", "_selected_action": selected})
    assert response.status_code == 302
    with translation.override("en"):
        page = reverse("partners:detail", args=["charite"])
    assert client.get(page).status_code == 200
    assert Partner.objects.get(slug="charite").published_at is not None

    staff.post(changelist, {"action": "draft_selected", "_selected_action": selected[:1]})
    from django.core.cache import cache

    cache.clear()
    assert client.get(page).status_code == 404
    assert Partner.objects.get(slug="karolinska").status == Partner.Status.PUBLISHED


def test_bulk_publishing_needs_the_change_permission(client, django_user_model, make_partner):
    from django.contrib.auth.models import Permission
    from django.urls import reverse

    from partners.models import Partner

    reader = django_user_model.objects.create_user("reader", password="x" * 20, is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_partner"))
    client.force_login(reader)
    draft = make_partner("charite", status=Partner.Status.DRAFT)
    page = client.get(reverse("admin:partners_partner_changelist")).content.decode()
    assert "publish_selected" not in page
    client.post(
        reverse("admin:partners_partner_changelist"),
        {"action": "publish_selected", "_selected_action": [draft.pk]},
    )
    draft.refresh_from_db()
    assert draft.status == Partner.Status.DRAFT
