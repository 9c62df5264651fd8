"""Translating side by side, in a real Chromium reading the admin in Uzbek: beside the field a
staff member writes, the same field's text in the other languages, and a button that copies one
of them in, to be edited from there; plain inputs, the rich-text editor and inline rows alike."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def uz(text):
    with translation.override("uz"):
        return translation.gettext(text)


def copy_from(language):
    return uz("Copy from %(language)s") % {"language": settings.LANGUAGE_AUTONYMS[language]}


@pytest.fixture
def uzbek_admin(page, live_server, editor):
    """An editor signed in, reading the admin in Uzbek, in a 1280 px window."""
    staff = Client()
    staff.force_login(editor)
    session = staff.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [
            {"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url},
            {"name": "django_language", "value": "uz", "url": live_server.url},
        ]
    )
    page.set_viewport_size({"width": 1280, "height": 900})
    return page


def aside(page, field_id):
    return page.locator(f'.translation-aside[data-for="{field_id}"]')


def open_tab(page, field, code):
    group = page.locator(".ui-tabs", has=page.locator(f"#id_{field}_uz"))
    group.get_by_role("tab", name=code, exact=True).click()


def test_staff_see_the_other_languages_and_copy_the_uzbek_text_into_english(
    uzbek_admin, live_server, make_partner
):
    from partners.models import Partner

    partner = make_partner(
        "yeditepe",
        country="TR",
        name_uz="Yeditepe universiteti",
        name_ru="Университет Едитепе",
        name_en="",
        description_uz="<p>Istanbuldagi <strong>xususiy</strong> universitet.</p>"
        "<ul><li>Talabalar almashinuvi</li></ul>",
        description_ru="<p>Частный университет в Стамбуле.</p>",
        description_en="",
    )
    page = uzbek_admin
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.goto(live_server.url + reverse("admin:partners_partner_change", args=[partner.pk]))

    # Writing the Uzbek name: the Russian text beside it, the English one empty.
    name_uz = aside(page, "id_name_uz")
    expect(name_uz).to_be_visible()
    expect(name_uz.locator('[data-language="ru"]')).to_contain_text("Университет Едитепе")
    expect(name_uz.locator('[data-language="en"]')).to_contain_text(uz("(empty)"))
    expect(name_uz.get_by_role("button", name=copy_from("en"))).to_be_disabled()

    # The English name: copied from the Uzbek one with one click, then edited.
    open_tab(page, "name", "en")
    aside(page, "id_name_en").get_by_role("button", name=copy_from("uz")).click()
    name_en = page.locator("#id_name_en")
    expect(name_en).to_have_value("Yeditepe universiteti")
    expect(name_en).to_be_focused()
    name_en.press("End")
    name_en.press_sequentially(" (Istanbul)")
    # What is typed shows at once beside the other languages.
    open_tab(page, "name", "ru")
    expect(aside(page, "id_name_ru").locator('[data-language="en"]')).to_contain_text(
        "Yeditepe universiteti (Istanbul)"
    )
    # A field that has text of its own is replaced only when the staff member says so.
    page.once("dialog", lambda dialog: dialog.dismiss())
    aside(page, "id_name_ru").get_by_role("button", name=copy_from("uz")).click()
    expect(page.locator("#id_name_ru")).to_have_value("Университет Едитепе")

    # The rich-text description: the Russian text beside the Uzbek one, as it reads...
    description_uz = aside(page, "id_description_uz")
    expect(description_uz.locator('[data-language="ru"]')).to_have_text(
        f"{settings.LANGUAGE_AUTONYMS['ru']}{copy_from('ru')}Частный университет в Стамбуле."
    )
    # ...and the Uzbek text copied into the empty English editor, formatting and all.
    open_tab(page, "description", "en")
    aside(page, "id_description_en").get_by_role("button", name=copy_from("uz")).click()
    english_editor = page.locator("#tab_id_description_en .ProseMirror[contenteditable=true]")
    expect(english_editor.locator("strong")).to_have_text("xususiy")
    expect(english_editor.locator("li")).to_have_text("Talabalar almashinuvi")
    english_editor.get_by_text("universitet.").click()
    page.keyboard.press("End")
    page.keyboard.type(" Private.")

    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    partner = Partner.objects.get(pk=partner.pk)
    assert partner.name_en == "Yeditepe universiteti (Istanbul)"
    assert partner.name_ru == "Университет Едитепе"
    assert partner.description_en == (
        "<p>Istanbuldagi <strong>xususiy</strong> universitet. Private.</p>"
        "<ul><li><p>Talabalar almashinuvi</p></li></ul>"
    )
    assert partner.description_uz.startswith("<p>Istanbuldagi <strong>xususiy</strong>")
    assert errors == []  # nothing the admin's CSP blocked, no script error

    # What was added passes axe's audit (axe's own inline styles come after the check above).
    page.goto(live_server.url + reverse("admin:partners_partner_change", args=[partner.pk]))
    violations = [
        (violation["id"], [node["target"] for node in violation["nodes"]])
        for violation in Axe().run(page, context=".translation-aside").response["violations"]
    ]
    assert violations == []


def test_photo_captions_are_translated_side_by_side_too(uzbek_admin, live_server, make_event):
    from events.models import Event, EventPhoto

    event = make_event("summer-school", title_uz="Yozgi maktab", summary_uz="Bir hafta.")
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    photo = EventPhoto(
        event=event, alt_uz="Talabalar zalda", alt_ru="Студенты в зале", alt_en="Students in a hall"
    )
    photo.caption_ru = "Зал конференции"
    photo.image.save("hall.png", SimpleUploadedFile("hall.png", buffer.getvalue()))
    page = uzbek_admin
    page.goto(live_server.url + reverse("admin:events_event_change", args=[event.pk]))

    caption = aside(page, "id_photos-0-caption_uz")
    expect(caption.locator('[data-language="ru"]')).to_contain_text("Зал конференции")
    caption.get_by_role("button", name=copy_from("ru")).click()
    expect(page.locator("#id_photos-0-caption_uz")).to_have_value("Зал конференции")
    page.locator("#id_photos-0-caption_uz").fill("Anjuman zali")

    # A photo row added on the page has the other languages beside its fields as well, shown
    # once one of them has text.
    page.locator("#photos-group .add-row a").click()
    expect(aside(page, "id_photos-1-alt_ru")).to_be_hidden()
    page.locator("#id_photos-1-alt_uz").fill("Mehmonlar")
    new_row = aside(page, "id_photos-1-alt_ru")
    open_tab(page, "photos-1-alt", "ru")
    expect(new_row).to_be_visible()
    expect(new_row.locator('[data-language="uz"]')).to_contain_text("Mehmonlar")

    page.locator("#photos-1 .inline-deletelink").click()
    page.locator("input[name=_save]").click()
    expect(page.locator(".messagelist .success")).to_be_visible()
    assert EventPhoto.objects.get().caption_uz == "Anjuman zali"
    assert Event.objects.get().photos.count() == 1
