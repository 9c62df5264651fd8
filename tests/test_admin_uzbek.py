"""The admin in Uzbek shows no English: every page staff use daily, with data that brings out
the dashboard's warnings, the translation marks, the preview links and the history buttons.
English is looked for by the project's and the libraries' own msgids, so a string added later
without an Uzbek translation fails here."""

import datetime
import io
import re
import time
from pathlib import Path

import openpyxl
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


# The whole admin ---------------------------------------------------------------------------

# A model admin's URLs by what their names say after "<app>_<model>_": what opening one takes,
# or why it is not a page to read. A URL added later fails the guard until it has its place here.
MODEL_PAGES = {
    "changelist": "list",
    "add": "list",
    "export": "list",
    "import": "list",
    "recoverlist": "list",
    "change": "object",
    "history": "object",
    "delete": "object",
    "password_change": "object",
    "attendance": "object",  # an event's attendance list
    "compare": "two versions",
    "revision": "a version",
    "recover": "a deleted version",
    "process_import": None,  # the form the import preview sends: the preview is read below
    "import_template": None,  # a spreadsheet; its headers are test_spreadsheets.py's
}


def pages_of(model_admin, obj, versions, deleted):
    from tests.admin_objects import url

    model, opts = model_admin.model, model_admin.model._meta
    prefix = f"{opts.app_label}_{opts.model_name}_"
    names = {p.name[len(prefix) :] for p in model_admin.urls if (p.name or "").startswith(prefix)}
    pages = []
    for name in sorted(names):
        assert name in MODEL_PAGES, f"admin:{prefix}{name}: give it a place in MODEL_PAGES"
        needs = MODEL_PAGES[name]
        if needs == "list":
            pages.append(url(model, name))
        elif needs == "object":
            pages.append(url(model, name, obj.pk))
        elif needs == "two versions" and versions:
            first, second = versions
            query = f"?version_id1={first.pk}&version_id2={second.pk}"
            pages.append(url(model, name, obj.pk) + query)
        elif needs == "a version" and versions:
            pages.append(url(model, name, obj.pk, versions[0].pk))
        elif needs == "a deleted version" and deleted is not None:
            pages.append(url(model, name, deleted.pk))
    return [("GET", page, None) for page in pages]


def forms_of(model_admin, obj, client, file_content):
    """The pages a form leads to: each action's (the bulk delete's confirmation, the others'
    messages), and the import's preview of the import template (its example row is a valid
    one: its cells go in `file_content`) and of the template with that row spoilt (every cell
    "?": the mistakes, with the allowed values)."""
    from django.contrib.admin import helpers

    from tests.admin_objects import url

    model = model_admin.model
    forms = []
    request = client.get(reverse("admin:index")).wsgi_request
    # Every action on the object: the bulk delete's confirmation, the others' messages (run
    # last, after every other page: they change what they act on).
    for action in sorted(model_admin.get_actions(request), key=lambda a: a != "delete_selected"):
        selected = {"action": action, helpers.ACTION_CHECKBOX_NAME: [obj.pk]}
        forms.append(("POST", url(model, "changelist"), selected))
    if hasattr(model_admin, "import_action"):
        template = client.get(url(model, "import_template")).content
        workbook = openpyxl.load_workbook(io.BytesIO(template))
        file_content.extend(cell.value for cell in workbook.worksheets[0][2])
        forms.append(("POST", url(model, "import"), {"template": template}))
        for cell in workbook.worksheets[0][2]:
            cell.value = "?"
        spoilt = io.BytesIO()
        workbook.save(spoilt)
        forms.append(("POST", url(model, "import"), {"template": spoilt.getvalue()}))
    return forms


def admin_pages(client):
    from django.contrib import admin

    pages = [
        reverse("admin:index"),
        reverse("admin-search") + "?q=text",
        reverse("admin-guide"),
        reverse("admin:password_change"),
        reverse("admin:password_change_done"),
        reverse("admin:two-factor"),
        reverse("admin:two-factor-setup"),
    ]
    request = client.get(reverse("admin:index")).wsgi_request
    apps = [app["app_label"] for app in admin.site.get_app_list(request)]  # the reader's
    pages += [reverse("admin:app_list", args=[label]) for label in apps]
    # New recovery codes, as the button on the two-factor page asks for them.
    codes = ("POST", reverse("admin:two-factor-recovery-codes"), {})
    return [("GET", page, None) for page in pages] + [codes]


def signed_out_pages():
    return [
        ("GET", page, None)
        for page in (
            reverse("admin:login"),
            reverse("admin_password_reset"),
            reverse("password_reset_done"),
            reverse("password_reset_confirm", args=["MQ", "x-y"]),
            reverse("password_reset_complete"),
        )
    ]


def render_logout(user, language):
    """The page after logging out, as the person who logged out reads it."""
    from django.test import Client

    from tests.second_factor import sign_in

    reader = Client()
    sign_in(reader, user)
    return render(reader, "POST", reverse("admin:logout"), {}, language)


def render(client, method, page, data, language):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.cookies["django_language"] = language
    if method == "GET":
        response = client.get(page, follow=True)
    elif data and "template" in data:
        upload = SimpleUploadedFile("template.xlsx", data["template"])
        response = client.post(page, {"import_file": upload, "format": "1", "resource": "0"})
    else:
        response = client.post(page, data or {}, follow=True)
    # A page the admin refuses (axes' attempts are not added by hand) is read too: its 403 page.
    assert response.status_code in (200, 403), f"{language} {method} {page}"
    return response.content.decode()


@pytest.mark.parametrize("role", ["superuser", "editor"])
def test_no_english_on_any_admin_page_in_uzbek_or_russian(
    admin_client, admin_user, editor, client, role
):
    """Every page of every registered model's admin (list, add, change, delete, history,
    compare, recover, import and export, the bulk delete and the import's preview), the home
    page, the search, the sections, the password and second-factor pages, and signing in and
    out: read in Uzbek and Russian, no string reads as it does in English (tests/admin_english.py
    says how a string is told from the objects' content). As a superuser, and as an editor, who
    meets other pages (refusals, read-only forms, the messages of what they may not do)."""
    from django.test import Client

    from tests.admin_english import content_of_the_database, untranslated
    from tests.admin_objects import (
        deleted_version,
        fill_with_inlines,
        registered,
        save_in_two_versions,
        versioned,
    )
    from tests.second_factor import sign_in

    user = admin_user if role == "superuser" else editor
    reader = admin_client
    if role == "editor":
        reader = Client()
        sign_in(reader, editor)
    signed_in, file_content = admin_pages(reader), []
    for _model, model_admin in registered():
        obj = fill_with_inlines(model_admin)
        versions = deleted = None
        if versioned(model_admin):
            versions = save_in_two_versions(model_admin, obj, admin_user)
            deleted = deleted_version(model_admin, admin_user)
        signed_in += pages_of(model_admin, obj, versions, deleted)
        signed_in += forms_of(model_admin, obj, admin_client, file_content)
    content = content_of_the_database(*file_content)
    acting = [p for p in signed_in if p[2] and p[2].get("action") not in (None, "delete_selected")]
    signed_in = [p for p in signed_in if p not in acting] + acting

    found = {}
    readers = [(reader, signed_in)]
    if role == "superuser":
        readers.append((client, signed_out_pages()))
    for someone, pages in readers:
        for method, page, data in pages:
            english = render(someone, method, page, data, "en")
            for language in ("uz", "ru"):
                html = render(someone, method, page, data, language)
                for text in untranslated(html, english, content, language):
                    found.setdefault(f"{language}: {text}", f"{method} {page}")
    english = render_logout(user, "en")
    for language in ("uz", "ru"):
        for text in untranslated(render_logout(user, language), english, content, language):
            found.setdefault(f"{language}: {text}", "POST /admin/logout/")
    assert found == {}, "\n".join(f"{text}    ({page})" for text, page in sorted(found.items()))


def test_a_many_to_many_row_reads_as_the_two_objects_it_links(admin_client, make_partner):
    """Django names the table of a partner's forms of cooperation itself, once, in the language
    the server started in, and its rows "Partner_cooperation_forms object (3)"."""
    partner = make_partner("charite", name_uz="Sharite", forms=["research"])
    expected = {
        "uz": "Hamkor tashkilot — hamkorlik shakli: Sharite — Ilmiy hamkorlik",
        "ru": "Организация-партнёр — форма сотрудничества: Charite — Научное сотрудничество",
        "en": "Partner institution — form of cooperation: Charite — Research",
    }
    for language, line in expected.items():
        admin_client.cookies["django_language"] = language
        page = admin_client.get(reverse("admin:partners_partner_delete", args=[partner.pk]))
        html = page.content.decode()
        assert f"<li>{line}</li>" in html
        assert "object (" not in html and "munosabat" not in html


def test_failed_sign_ins_read_in_the_staff_members_language(admin_client):
    from axes.models import AccessAttempt, AccessFailureLog

    attempt = AccessAttempt.objects.create(
        username="ali", ip_address="203.0.113.7", failures_since_start=2, user_agent="Firefox"
    )
    AccessFailureLog.objects.create(username="ali", ip_address="203.0.113.7", locked_out=True)
    admin_client.cookies["django_language"] = "uz"
    listed = admin_client.get(reverse("admin:axes_accessattempt_changelist")).content.decode()
    assert ">Holat<" in listed and "3 ta urinish qoldi" in listed
    change = reverse("admin:axes_accessattempt_change", args=[attempt.pk])
    title = re.search(r"<title>(.*?)</title>", admin_client.get(change).content.decode())[1]
    assert title.startswith("Muvaffaqiyatsiz kirishlar: ali, 203.0.113.7 manzilidan")
    cleaned = admin_client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "cleanup_expired_attempts", "_selected_action": [attempt.pk]},
        follow=True,
    )
    assert cleaned.status_code == 200  # axes' own action answered 500 (no attempt time)
    assert "Muddati oʻtgan 0 ta urinish tozalandi." in cleaned.content.decode()
    admin_client.cookies["django_language"] = "ru"
    failures = admin_client.get(reverse("admin:axes_accessfailurelog_changelist"))
    assert re.search(
        r"Неудачный вход: ali с адреса 203.0.113.7, .*: заблокирован",
        str(failures.content.decode()),
    )


def test_yes_and_no_icons_are_read_aloud_in_the_staff_members_language(admin_client):
    admin_client.cookies["django_language"] = "uz"
    html = admin_client.get(reverse("admin:auth_user_changelist")).content.decode()
    assert re.search(r'<img src="[^"]*icon-yes.svg" alt="Ha">', html)
    assert 'alt="True"' not in html


def spreadsheet_headers(client, model_admin, language):
    """The headers of every spreadsheet the model's admin hands out: its export with every
    column ticked, and its import template."""
    from tests.admin_objects import url

    model = model_admin.model
    client.cookies["django_language"] = language
    sheets = []
    if hasattr(model_admin, "export_action"):
        form = client.get(url(model, "export")).content.decode()
        ticked = dict.fromkeys(re.findall(r'type="checkbox" name="(\w+resource_\w+)"', form), "on")
        xlsx = re.search(r'<option value="(\d+)">xlsx</option>', form).group(1)
        exported = client.post(url(model, "export"), {"format": xlsx, "resource": "0", **ticked})
        sheets.append(exported.content)
    if hasattr(model_admin, "import_action"):
        sheets.append(client.get(url(model, "import_template")).content)
    return [
        str(header)
        for sheet in sheets
        for header in next(openpyxl.load_workbook(io.BytesIO(sheet)).worksheets[0].values)
    ]


def test_spreadsheets_name_their_columns_in_the_staff_members_language(
    admin_client, make_partner, make_event, make_registration
):
    """Every export and import template's headers: words in the staff member's language, not
    the fields' names (`event__slug`, `name_uz`, `created_at`) nor the English headers."""
    from tests.admin_english import is_interface_english
    from tests.admin_objects import registered

    make_registration(make_event("forum"), "ada@example.org", name="Ada")
    make_partner("charite", forms=["research"])
    field_name = re.compile(r"^[a-z]+(_[a-z]+)+$|__")
    spreadsheets = [
        model_admin
        for _model, model_admin in registered()
        if hasattr(model_admin, "export_action") or hasattr(model_admin, "import_action")
    ]
    assert len(spreadsheets) >= 2  # partners and registrations at least
    for model_admin in spreadsheets:
        english = spreadsheet_headers(admin_client, model_admin, "en")
        assert english and not [h for h in english if field_name.search(h)], english
        for language in ("uz", "ru"):
            headers = spreadsheet_headers(admin_client, model_admin, language)
            assert not [h for h in headers if field_name.search(h)], (language, headers)
            same = [h for h in set(headers) & set(english) if is_interface_english(h, language)]
            assert same == [], (model_admin, language)
