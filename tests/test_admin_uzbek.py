"""The admin in Uzbek shows no English: every page staff use daily, with data that brings out
the dashboard's warnings, the translation marks, the preview links and the history buttons.
English is looked for by the project's and the libraries' own msgids, so a string added later
without an Uzbek translation fails here."""

import datetime
import re
import time
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.second_factor import code_for_typed_key
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


def english_on_text(text, phrases):
    return sorted(phrase for phrase in phrases if phrase in text)


def english_on(response, phrases):
    assert response.status_code == 200, response.status_code
    return english_on_text(visible_text(response.content.decode()), phrases)


def test_sign_in_pages_and_the_reset_email_show_no_english(client, editor):
    """Every page of signing in, resetting a password and setting up the second factor, and
    the reset email, as a staff member with an English browser sees them after choosing
    Uzbek on the login page."""
    phrases = english_phrases()
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    login = reverse("admin:login")
    assert '<html lang="en"' in client.get(login).content.decode()
    chosen = client.post(reverse("set_language"), {"language": "uz", "next": login})
    assert chosen["Location"] == login
    pages = {"login": client.get(login)}
    assert '<html lang="uz"' in pages["login"].content.decode()

    editor.email = "editor@sammu.uz"
    editor.save()
    client.post(reverse("admin_password_reset"), {"email": "editor@sammu.uz"})
    assert english_on_text(mail.outbox[0].subject + "\n" + mail.outbox[0].body, phrases) == []
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    pages["reset form"] = client.get(reverse("admin_password_reset"))
    pages["reset sent"] = client.get(reverse("password_reset_done"))
    pages["new password"] = client.get(link, follow=True)
    weak = {"new_password1": "12345678", "new_password2": "12345678"}
    pages["weak password"] = client.post(pages["new password"].redirect_chain[-1][0], weak)
    pages["used link"] = client.get(reverse("password_reset_confirm", args=["MQ", "x-y"]))
    pages["reset done"] = client.get(reverse("password_reset_complete"))

    client.post(login, {"username": "editor", "password": "a long editor passphrase"})
    pages["offer"] = client.get(reverse("admin:index"))
    pages["off"] = client.get(reverse("admin:two-factor"))
    setup = client.get(reverse("admin:two-factor-setup"))
    pages["set up"] = setup
    pages["wrong code"] = client.post(reverse("admin:two-factor-setup"), {"code": "1"})
    key = re.search(r'class="two-factor-key">([A-Z2-7 ]+)<', setup.content.decode()).group(1)
    time.sleep(1.1)  # past the delay after the wrong code
    pages["recovery codes"] = client.post(
        reverse("admin:two-factor-setup"), {"code": code_for_typed_key(key)}
    )
    pages["on"] = client.get(reverse("admin:two-factor"))
    client.post(reverse("admin:logout"))
    client.cookies["django_language"] = "uz"
    client.post(login, {"username": "editor", "password": "a long editor passphrase"})
    pages["code"] = client.get(reverse("admin:login-code"))
    pages["wrong sign-in code"] = client.post(reverse("admin:login-code"), {"code": "000000"})
    time.sleep(1.1)
    client.post(reverse("admin:login-code"), {"code": "000000"})
    pages["too quick"] = client.post(reverse("admin:login-code"), {"code": "000000"})
    assert "soniya kuting" in pages["too quick"].content.decode()

    found = {name: english_on(response, phrases) for name, response in pages.items()}
    assert found == {name: [] for name in pages}
    assert all('<html lang="uz"' in r.content.decode() for r in pages.values())
