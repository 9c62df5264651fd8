"""The admin in Uzbek shows no English: every page staff use daily, with data that brings out
the dashboard's warnings, the translation marks, the preview links and the history buttons.
English is looked for by the project's and the libraries' own msgids, so a string added later
without an Uzbek translation fails here."""

import datetime
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.test_languages import visible_text

CATALOGUES = [
    Path(settings.BASE_DIR) / "locale" / "uz" / "LC_MESSAGES" / "django.po",
    Path(settings.BASE_DIR) / "locale" / "vendor" / "uz" / "LC_MESSAGES" / "django.po",
]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")


def english_phrases():
    """Pieces of English msgids long enough to be unmistakable (three words or more), whose
    Uzbek differs: any of them on an Uzbek page is an untranslated string."""
    phrases = set()
    for path in CATALOGUES:
        for entry in polib.pofile(str(path)).translated_entries():
            translated = entry.msgstr or entry.msgstr_plural.get(0, "")
            for msgid in filter(None, (entry.msgid, entry.msgid_plural)):
                for piece in PLACEHOLDER.split(msgid):
                    piece = " ".join(piece.split()).strip(" .,:;()")
                    if len(piece.split()) >= 3 and piece not in translated:
                        phrases.add(piece)
    return phrases


@pytest.fixture
def busy_admin(admin_client, make_partner, make_event, make_registration):
    from partners.models import Agreement

    partner = make_partner("half-translated", name_uz="Hamkor", name_en="Half Translated")
    Agreement.objects.create(
        partner=partner,
        kind="memorandum",
        signed_on="2022-01-01",
        valid_until=timezone.localdate() + datetime.timedelta(days=30),
        status="published",
    )
    event = make_event("forum", title_uz="Forum", capacity=10)
    make_registration(event, "ada@example.org", name="Ada", affiliation="SamSMU", language="uz")
    admin_client.cookies["django_language"] = "uz"
    return admin_client, partner, event


def test_daily_admin_pages_show_no_english(busy_admin):
    client, partner, event = busy_admin
    phrases = english_phrases()
    assert len(phrases) > 300  # the catalogues were read
    pages = [
        reverse("admin:index"),
        reverse("admin:partners_partner_changelist"),
        reverse("admin:partners_partner_changelist") + "?missing_translation=ru",
        reverse("admin:partners_partner_change", args=[partner.pk]),
        reverse("admin:partners_partner_add"),
        reverse("admin:partners_program_add"),
        reverse("admin:events_event_changelist"),
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:events_registration_changelist"),
        reverse("admin:department_staffmember_changelist"),
        reverse("admin:partners_partner_history", args=[partner.pk]),
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        text = visible_text(response.content.decode())
        found = sorted(phrase for phrase in phrases if phrase in text)
        assert found == [], page
