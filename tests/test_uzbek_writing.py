"""Uzbek joins a suffix to its word ("2027-yil 3-fevralgacha", "Rahimovdan"; the glossary). A
translation cannot join one to a placeholder's value, so such sentences are built otherwise: a
date whose format ends in the suffix (DATE_UNTIL_FORMAT, DATE_ON_FORMAT in
samsmu_intl/content/formats), or a sentence that needs no suffix after a name ("Yuboruvchi:
Rahimov")."""

import datetime
import importlib
import io
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from samsmu_intl.content.formats import CUSTOM_FORMATS
from tests.test_languages import visible_text

UZBEK_CATALOGUES = [
    Path(settings.BASE_DIR) / "locale" / "uz" / "LC_MESSAGES" / "django.po",
    Path(settings.BASE_DIR) / "locale" / "vendor" / "uz" / "LC_MESSAGES" / "django.po",
    Path(settings.BASE_DIR) / "locale" / "vendor" / "uz" / "LC_MESSAGES" / "djangojs.po",
]
# Case endings and other suffixes that Uzbek writes joined to the word before them. ("ta", the
# counting word of "3 ta hamkor", is a word of its own and stays apart.)
SUFFIXES = (
    "da|dan|dagi|dek|day|ga|gacha|ka|kacha|qa|qacha|ni|ning|niki|gi|lar|larni|larga|lardan"
    "|dir|mi|siz|li|lik|cha"
)
DETACHED = re.compile(
    r"(%\(\w+\)[sd]|%[sd]|\{\w*\}|\d|[”»)])\s+(" + SUFFIXES + r")(?=[\s.,:;!?)]|$)"
)


def detached_suffixes():
    found = []
    for path in UZBEK_CATALOGUES:
        for entry in polib.pofile(str(path)):
            for text in (entry.msgstr, *entry.msgstr_plural.values()):
                for match in DETACHED.finditer(text):
                    found.append(f"{path.parent.parent.parent.name}: {text!r} ({match.group(0)!r})")
    return found


def test_the_scan_catches_a_suffix_left_apart():
    assert DETACHED.search("%(date)s gacha amal qiladi")
    assert DETACHED.search("%(name)s dan yangi murojaat")
    assert DETACHED.search("kamida 1 ni kiriting")
    assert DETACHED.search("“%(name)s” dagi")
    assert not DETACHED.search("%(counter)s ta hamkor")
    assert not DETACHED.search("%(date)s amal qiladi")


def test_no_uzbek_translation_leaves_a_suffix_apart_from_its_word():
    assert detached_suffixes() == []


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_every_language_defines_the_projects_own_formats(language):
    """A format name that no module defines is taken by Django for a format string: the page
    would show "DATE_UNTIL_FORMAT" spelled out as letters of a date."""
    module = importlib.import_module(f"samsmu_intl.content.formats.{language}.formats")
    assert [name for name in CUSTOM_FORMATS if not hasattr(module, name)] == []


def uzbek_page(client, name, **kwargs):
    with translation.override("uz"):
        return visible_text(client.get(reverse(name, kwargs=kwargs)).content.decode())


def test_program_deadlines_join_the_suffix_to_the_date(client, make_program):
    make_program("future", title_uz="Kelajak", deadline=datetime.date(2040, 2, 3))
    make_program("past", title_uz="Oʻtmish", deadline=datetime.date(2020, 2, 3))
    text = uzbek_page(client, "partners:program-list")
    assert "2040-yil 3-fevralgacha ariza topshiring" in text
    assert "muddati 2020-yil 3-fevral kuni tugagan" in text
    assert " gacha" not in text


def test_registration_deadline_needs_no_suffix_after_the_time(client, make_event):
    tashkent = datetime.timezone(datetime.timedelta(hours=5))
    event = make_event(
        "webinar",
        kind="webinar",
        title_uz="Vebinar",
        starts_at=datetime.datetime(2040, 3, 5, 14, tzinfo=tashkent),
        registration_deadline=datetime.datetime(2040, 3, 4, 9, tzinfo=tashkent),
    )
    text = uzbek_page(client, "events:detail", slug=event.slug)
    assert "Roʻyxatdan oʻtish muddati: 2040-yil 4-mart, 09:00 (Toshkent vaqti)." in text


def agreements(make_partner):
    from partners.models import Agreement

    today = timezone.localdate()
    valid_until = today + datetime.timedelta(days=10)
    ended = today - datetime.timedelta(days=100)
    for slug, until in (("lyon", valid_until), ("old", ended)):
        Agreement.objects.create(
            partner=make_partner(slug, name_uz=slug.title()),
            kind=Agreement.Kind.MOBILITY,
            signed_on=today - datetime.timedelta(days=3000),
            valid_until=until,
            status="published",
        )
    with translation.override("uz"):
        return (
            f"{date_format(valid_until, 'DATE_FORMAT')}gacha amal qiladi",
            f"muddati {date_format(ended, 'DATE_FORMAT')}da tugagan",
        )


def test_dashboard_joins_the_suffixes_to_the_agreements_dates(admin_client, make_partner):
    until, ended = agreements(make_partner)
    admin_client.cookies["django_language"] = "uz"
    text = visible_text(admin_client.get(reverse("admin:index")).content.decode())
    assert until in text
    assert ended in text


def test_digest_joins_the_suffixes_to_the_agreements_dates(settings, admin_user, make_partner):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    until, ended = agreements(make_partner)
    call_command("send_editorial_digest", "--language", "uz", stdout=io.StringIO())
    body = " ".join(mail.outbox[-1].body.split())
    assert until in body
    assert ended in body


def test_inquiry_email_names_the_sender_without_a_suffix(client, seeded):
    from samsmu_intl.department.models import Department

    department = Department.load()
    department.email = "intl@example.uz"
    department.save()
    with translation.override("uz"):
        url = reverse("department:contact")
    form = {
        "name": "Rahimov",
        "email": "rahimov@example.org",
        "country": "UZ",
        "topic": "admission",
        "message": "Qabul haqida savol.",
        "consent": "on",
        "website": "",
    }
    client.post(url, form)
    # The sender's acknowledgement goes out too; this is the one to the department.
    [message] = [m for m in mail.outbox if m.to == ["intl@example.uz"]]
    assert message.subject.startswith("Yangi murojaat (")
    assert message.subject.endswith("). Yuboruvchi: Rahimov")


def test_migrations_respell_the_seeds_month_in_existing_content(make_event):
    from django.apps import apps

    from samsmu_intl.department.models import Department, LandingSection

    department = Department.objects.create(title_uz="Boʻlim")
    section = LandingSection.objects.create(
        department=department, heading_uz="Forumlar", body_uz="2024-yil sentyabr oyida forum."
    )
    event = make_event("forum", summary_uz="2024-yil sentyabr oyida.", title_uz="Sentabr forumi")
    for module in (
        "samsmu_intl.department.migrations.0007_seed_text_spells_sentabr",
        "events.migrations.0009_seed_text_spells_sentabr",
    ):
        importlib.import_module(module).respell(apps, None)
    section.refresh_from_db()
    event.refresh_from_db()
    assert section.body_uz == "2024-yil sentabr oyida forum."
    assert event.summary_uz == "2024-yil sentabr oyida."
    assert event.title_uz == "Sentabr forumi"
