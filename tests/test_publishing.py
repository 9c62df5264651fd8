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
