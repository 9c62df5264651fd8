"""The editors' translation workflow: status per item, stale translations, the admin dashboard."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from events.models import Event, EventPhoto
from partners.models import Partner, Program
from samsmu_intl.department.models import StaffMember
from samsmu_intl.editorial.models import FieldChange
from samsmu_intl.editorial.translation_status import (
    complete_languages,
    has_text,
    languages_missing,
    missing_translation,
    translation_status,
)
from tests.admin_forms import form_data

LANGS = ("uz", "ru", "en")


def changelist(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def listed(admin_client, url):
    response = admin_client.get(url)
    assert response.status_code == 200
    return set(response.context["cl"].result_list)


def make_photo(event, **texts):
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "teal").save(buffer, "PNG")
    photo = EventPhoto(event=event, **texts)
    photo.image.save("photo.png", SimpleUploadedFile("photo.png", buffer.getvalue()))
    return photo


# Translation status ----------------------------------------------------------------------


def test_partner_missing_russian_is_marked_and_filtered(admin_client, make_partner):
    gap = make_partner(
        "gap",
        name_uz="Boʻshliq",
        name_en="Gap",
        description_uz="<p>Matn</p>",
        description_en="<p>Text</p>",
    )
    whole = make_partner(
        "whole",
        name_uz="Butun",
        name_ru="Целый",
        name_en="Whole",
        description_uz="<p>Matn</p>",
        description_ru="<p>Текст</p>",
        description_en="<p>Text</p>",
    )

    html = admin_client.get(changelist(Partner)).content.decode()
    gap_row = html[html.index(f"/admin/partners/partner/{gap.pk}/change/") :].split("</tr>")[0]
    whole_row = html[html.index(f"/admin/partners/partner/{whole.pk}/change/") :].split("</tr>")[0]
    assert "translation-badge--missing" in gap_row and ">ru<" in gap_row
    assert re.search(r'translation-badge--missing" title="Russian">ru', gap_row)
    assert re.search(r'translation-badge--complete" title="Uzbek">uz', gap_row)
    assert "translation-badge--missing" not in whole_row
    assert "ru: missing" not in whole_row and ": missing" in gap_row  # words, not only colour

    assert listed(admin_client, f"{changelist(Partner)}?missing_translation=ru") == {gap}
    assert listed(admin_client, f"{changelist(Partner)}?missing_translation=uz") == set()
    assert listed(admin_client, changelist(Partner)) == {gap, whole}
    assert complete_languages(gap) == ["uz", "en"]
    assert translation_status(whole) == {"uz": True, "ru": True, "en": True}


def test_filter_offers_each_language_and_ignores_nonsense(admin_client, make_partner):
    partner = make_partner("only-en", name_en="Only English")
    html = admin_client.get(changelist(Partner)).content.decode()
    for code in LANGS:
        assert f"missing_translation={code}" in html
    assert listed(admin_client, f"{changelist(Partner)}?missing_translation=xx") == {partner}


def test_optional_field_empty_everywhere_is_not_missing_but_a_description_is(make_partner):
    texts = {"description_uz": "<p>Matn</p>", "description_ru": "<p>Текст</p>"}
    # short_name and city are empty in all languages: not missing anywhere.
    complete = make_partner(
        "complete", name_uz="A", name_ru="А", name_en="A", description_en="<p>A</p>", **texts
    )
    # The English description is only the editor's empty paragraph: missing in English.
    empty_markup = make_partner(
        "markup", name_uz="B", name_ru="Б", name_en="B", description_en="<p></p>", **texts
    )
    # No description in any language: a partner page with nothing to read is not complete.
    undescribed = make_partner("undescribed", name_uz="C", name_ru="Ц", name_en="C")
    assert set(missing_translation(Partner.objects.all(), "en")) == {empty_markup, undescribed}
    assert set(missing_translation(Partner.objects.all(), "uz")) == {undescribed}
    assert languages_missing(complete) == set()
    assert languages_missing(empty_markup) == {"en"}
    assert languages_missing(undescribed) == {"uz", "ru", "en"}


@pytest.mark.parametrize(
    "value",
    ["", None, "<p></p>", "<p><br></p>", "<p> </p>\n<p></p>", "<p>&nbsp;</p>", "<p>x</p>", "x"],
)
def test_database_and_python_agree_on_empty_rich_text(make_partner, value):
    partner = make_partner("p", name_uz="P", name_ru="П", name_en="P", description_uz="<p>Uz</p>")
    Partner.objects.filter(pk=partner.pk).update(description_ru=value)  # stored as it is
    partner.refresh_from_db()
    in_sql = missing_translation(Partner.objects.all(), "ru").filter(pk=partner.pk).exists()
    assert in_sql == ("ru" in languages_missing(partner)) == (not has_text(value, rich=True))


def test_event_photo_captions_count_for_their_event(admin_client, make_event):
    event = make_event(
        "expo",
        title_uz="Koʻrgazma",
        title_ru="Выставка",
        summary_uz="S",
        summary_ru="С",
        summary_en="S",
    )
    event.title_en = "Expo"
    event.save()
    assert not missing_translation(Event.objects.all(), "en").exists()
    make_photo(event, alt_uz="A", alt_ru="А", alt_en="A", caption_en="Delegates")
    assert set(missing_translation(Event.objects.all(), "uz")) == {event}
    assert translation_status(event) == {"uz": False, "ru": False, "en": True}
    assert listed(admin_client, f"{changelist(Event)}?missing_translation=ru") == {event}
    assert listed(admin_client, f"{changelist(Event)}?missing_translation=en") == set()


def test_every_content_list_shows_the_column_and_filter(admin_client, seeded, make_program):
    make_program("program")
    for model in (Partner, Program, Event, StaffMember):
        html = admin_client.get(changelist(model)).content.decode()
        assert "column-translation_badges" in html, model
        assert "missing_translation=ru" in html, model
        assert "css/editorial-admin.css" in html, model


# Stale translations ----------------------------------------------------------------------


def management_form(prefix):
    return {
        f"{prefix}-TOTAL_FORMS": "0",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def partner_form(partner, **changes):
    data = {
        f"{name}_{code}": getattr(partner, f"{name}_{code}") or ""
        for name in ("name", "short_name", "city", "description")
        for code in LANGS
    }
    data.update(
        slug=partner.slug,
        kind=partner.kind,
        country=partner.country.code,
        region_override="",
        website="",
        contact_name="",
        contact_email="",
        contact_phone="",
        status=partner.status,
        publish_from_0="",
        publish_from_1="",
        **management_form("agreements"),
    )
    data.update(changes)
    return data


def save_partner(admin_client, partner, **changes):
    url = reverse("admin:partners_partner_change", args=[partner.pk])
    response = admin_client.post(url, partner_form(partner, **changes))
    assert response.status_code == 302, response.context["adminform"].form.errors
    partner.refresh_from_db()
    return response


def stale(partner):
    return {
        (row.field, row.language)
        for row in FieldChange.objects.stale().filter(object_id=partner.pk)
    }


@pytest.fixture
def described_partner(make_partner):
    return make_partner(
        "charite",
        name_uz="Sharite",
        name_ru="Шарите",
        name_en="Charité",
        description_uz="<p>Berlin klinikasi.</p>",
        description_ru="<p>Клиника в Берлине.</p>",
        description_en="<p>A Berlin hospital.</p>",
    )


def test_changing_english_marks_the_other_languages_stale_until_they_are_saved(
    admin_client, described_partner
):
    partner = described_partner
    change_url = reverse("admin:partners_partner_change", args=[partner.pk])
    assert "May be out of date" not in admin_client.get(change_url).content.decode()

    save_partner(admin_client, partner, description_en="<p>A Berlin university hospital.</p>")
    assert stale(partner) == {("description", "uz"), ("description", "ru")}

    html = admin_client.get(change_url).content.decode()
    assert "Translations that may be out of date" in html
    # The mark sits with the field in each language's tab (its help text), not only on top.
    for code in ("uz", "ru"):
        field = html[html.index(f'name="description_{code}"') :][:3000]
        assert "May be out of date: the English text changed" in field, code
    assert "editorial-stale-note" not in html[html.index('name="description_en"') :][:3000]
    assert 'name="editorial_still_correct"' in html

    save_partner(admin_client, partner, description_ru="<p>Университетская клиника в Берлине.</p>")
    # Russian caught up; that edit does not make English stale in turn; Uzbek is still behind.
    assert stale(partner) == {("description", "uz")}

    dashboard = admin_client.get(reverse("admin:index")).content.decode()
    assert re.search(r"\b1 translated text may be out of date", dashboard)


def test_still_correct_confirms_a_stale_text_without_editing_it(admin_client, described_partner):
    partner = described_partner
    save_partner(admin_client, partner, name_en="Charité Berlin")
    assert stale(partner) == {("name", "uz"), ("name", "ru")}
    html = admin_client.get(reverse("admin:partners_partner_change", args=[partner.pk]))
    keys = re.findall(r'name="editorial_still_correct" value="([^"]+)"', html.content.decode())
    assert len(keys) == 2
    uz_key = next(key for key in keys if key.endswith(":name:uz"))
    save_partner(admin_client, partner, editorial_still_correct=[uz_key])
    assert stale(partner) == {("name", "ru")}


def test_editing_two_languages_at_once_leaves_only_the_third_stale(admin_client, described_partner):
    save_partner(
        admin_client,
        described_partner,
        description_en="<p>A university hospital.</p>",
        description_ru="<p>Университетская клиника.</p>",
    )
    assert stale(described_partner) == {("description", "uz")}


def test_new_translations_and_unchanged_saves_make_nothing_stale(admin_client, make_partner):
    partner = make_partner("new", name_uz="Yangi", name_en="")
    save_partner(admin_client, partner)  # nothing changed
    save_partner(admin_client, partner, name_ru="Новый")  # a first Russian text
    save_partner(admin_client, partner, name_en="New")
    assert stale(partner) == set()
    assert not FieldChange.objects.stale().exists()


def test_stale_filter_lists_items_with_stale_texts(admin_client, described_partner, make_partner):
    other = make_partner("other", name_uz="B", name_ru="Б", name_en="B")
    save_partner(admin_client, described_partner, description_en="<p>Changed.</p>")
    assert listed(admin_client, f"{changelist(Partner)}?translation_stale=yes") == {
        described_partner
    }
    assert other in listed(admin_client, changelist(Partner))


def test_deleting_an_item_forgets_its_history(admin_client, described_partner):
    save_partner(admin_client, described_partner, description_en="<p>Changed.</p>")
    assert FieldChange.objects.filter(object_id=described_partner.pk).exists()
    described_partner.delete()
    assert not FieldChange.objects.exists()


def test_editing_an_inline_photo_caption_marks_its_other_languages(admin_client, make_event):
    event = make_event(
        "visit", title_uz="Tashrif", title_ru="Визит", title_en="Visit", summary_uz="Tashrif."
    )
    photo = make_photo(event, alt_uz="A", alt_ru="А", alt_en="A", caption_uz="Uz", caption_en="En")
    url = reverse("admin:events_event_change", args=[event.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None or value is False or name in ("cover", "staff"):
            continue
        data[name] = "on" if value is True else value
    for name in ("starts_at", "ends_at"):
        local = timezone.localtime(getattr(event, name))
        data.pop(name)
        data[f"{name}_0"], data[f"{name}_1"] = (
            local.strftime("%Y-%m-%d"),
            local.strftime("%H:%M:%S"),
        )
    data.update(
        {
            "photos-TOTAL_FORMS": "1",
            "photos-INITIAL_FORMS": "1",
            "photos-MIN_NUM_FORMS": "0",
            "photos-MAX_NUM_FORMS": "1000",
            "photos-0-id": photo.pk,
            "photos-0-event": event.pk,
            "photos-0-order": "0",
            **{f"photos-0-alt_{c}": getattr(photo, f"alt_{c}") for c in LANGS},
            **{f"photos-0-caption_{c}": getattr(photo, f"caption_{c}") or "" for c in LANGS},
            "photos-0-caption_en": "Delegates at the signing",
        }
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    rows = FieldChange.objects.stale()
    assert {(r.object_id, r.field, r.language) for r in rows} == {(photo.pk, "caption", "uz")}
    html = admin_client.get(url).content.decode()
    assert "Translations that may be out of date" in html
    assert "Caption (Uzbek)" in html


def test_stale_marks_on_an_admin_without_declared_fieldsets(admin_client, db):
    from partners.models import CooperationForm

    form = CooperationForm.objects.create(
        slug="exchange", name_uz="Almashinuv", name_ru="Обмен", name_en="Exchange"
    )
    url = reverse("admin:partners_cooperationform_change", args=[form.pk])
    data = {"slug": "exchange", "order": "0", "name_uz": "Almashinuv", "name_ru": "Обмен"}
    assert admin_client.post(url, {**data, "name_en": "Student exchange"}).status_code == 302
    html = admin_client.get(url).content.decode()
    assert html.count('name="editorial_still_correct"') == 2  # uz and ru, each once
    key = re.search(r'name="editorial_still_correct" value="([^"]+:uz)"', html).group(1)
    response = admin_client.post(
        url, {**data, "name_en": "Student exchange", "editorial_still_correct": key}
    )
    assert response.status_code == 302
    assert {r.language for r in FieldChange.objects.stale()} == {"ru"}


def test_the_list_says_out_of_date_for_a_stale_language(admin_client, make_partner):
    """Complete is not up to date: a text whose other language changed after it is marked."""
    partner = make_partner(
        "stale",
        name_uz="Eski nom",
        name_ru="Старое имя",
        name_en="Old name",
        description_uz="<p>Matn</p>",
        description_ru="<p>Текст</p>",
        description_en="<p>Text</p>",
    )
    change = reverse("admin:partners_partner_change", args=[partner.pk])
    data = form_data(admin_client.get(change))
    admin_client.post(change, data)  # the first save records the texts as they are
    data = form_data(admin_client.get(change))
    data["name_en"] = ["New name"]
    assert admin_client.post(change, data).status_code == 302

    html = admin_client.get(changelist(Partner)).content.decode()
    row = html[html.index('<tr><td class="action-checkbox">') :].split("</tr>")[0]
    assert re.search(r'translation-badge--stale" title="Uzbek">uz', row)
    assert re.search(r'translation-badge--stale" title="Russian">ru', row)
    assert re.search(r'translation-badge--complete" title="English">en', row)
    assert ": may be out of date" in row  # in words for screen readers, not only colour
