"""History and recovery in the admin: every change kept with who and when, compared, reverted,
and deleted items recovered with their translations, inline rows and images."""

import datetime
import io
import re

import pytest
import reversion
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from PIL import Image
from reversion.models import Revision, Version

from events.models import Event, EventPhoto
from partners.models import Agreement, CooperationForm, Partner, Program
from samsmu_intl.department.models import Department, LandingSection, StaffMember
from tests.admin_forms import form_data
from tests.second_factor import sign_in

NAMES = {
    "name_uz": "Yeditepe universiteti",
    "name_ru": "Университет Едитепе",
    "name_en": "Yeditepe",
}


def png(name="logo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "navy").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def save_in_admin(client, obj, **changes):
    """Open the change form and save it as a person would, with `changes` typed in."""
    url = change_url(obj)
    data = form_data(client.get(url))
    data.update({name: [value] for name, value in changes.items()})
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return response


@pytest.fixture
def partner(admin_client, make_partner):
    """A published partner with a logo and an agreement, created through the admin's form."""
    partner = make_partner("yeditepe", country="TR", **NAMES)
    partner.logo.save("logo.png", png(), save=True)
    Agreement.objects.create(
        partner=partner, kind=Agreement.Kind.MEMORANDUM, signed_on=datetime.date(2024, 5, 1)
    )
    save_in_admin(admin_client, partner)
    return partner


def test_every_content_model_is_versioned_following_its_inline_rows():
    for model in (
        Partner,
        Agreement,
        CooperationForm,
        Program,
        Event,
        EventPhoto,
        StaffMember,
        Department,
        LandingSection,
    ):
        assert reversion.is_registered(model), model
    follows = {model: reversion.revisions._get_options(model).follow for model in (Partner, Event)}
    assert follows == {Partner: ("agreements",), Event: ("photos",)}
    assert reversion.revisions._get_options(Department).follow == ("sections",)


def test_each_admin_save_is_kept_with_who_and_when(admin_client, partner, admin_user):
    save_in_admin(admin_client, partner, name_ru="Университет Едитепе (Стамбул)")

    versions = Version.objects.get_for_object(partner)
    assert versions.count() == 2
    latest = versions.first()
    assert latest.revision.user == admin_user
    assert latest.field_dict["name_ru"] == "Университет Едитепе (Стамбул)"
    assert versions.last().field_dict["name_ru"] == NAMES["name_ru"]

    history = admin_client.get(
        reverse("admin:partners_partner_history", args=[partner.pk])
    ).content.decode()
    assert admin_user.username in history
    assert 'name="version_id1"' in history  # two versions: they can be compared


def test_two_versions_are_compared_field_by_field(admin_client, partner):
    save_in_admin(admin_client, partner, name_ru="Университет Едитепе (Стамбул)")
    newer, older = Version.objects.get_for_object(partner)[:2]

    response = admin_client.get(
        reverse("admin:partners_partner_compare", args=[partner.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<ins>" in html and "(Стамбул)" in html
    assert "Yeditepe universiteti" not in html  # unchanged languages are not listed


def test_an_older_version_is_restored_in_every_language(admin_client, partner):
    save_in_admin(
        admin_client, partner, name_uz="Boshqa nom", name_ru="Другое имя", name_en="Other name"
    )
    first = Version.objects.get_for_object(partner).last()
    # Staff working in Uzbek restore it: the untranslated `name` must not overwrite a language.
    admin_client.cookies["django_language"] = "uz"
    url = reverse("admin:partners_partner_revision", args=[partner.pk, first.pk])

    page = admin_client.get(url)
    assert page.status_code == 200
    assert "tabbed_translation_fields.js" in page.content.decode()
    assert Partner.objects.get(pk=partner.pk).name_en == "Other name"  # viewing changes nothing
    admin_client.post(url, form_data(page))

    partner.refresh_from_db()
    assert (partner.name_uz, partner.name_ru, partner.name_en) == tuple(NAMES.values())


def test_a_deleted_partner_is_recovered_with_its_agreement_logo_and_public_page(
    admin_client, partner, client
):
    logo = partner.logo.path
    assert NAMES["name_en"] in client.get("/en/partners/").content.decode()  # now cached

    delete = reverse("admin:partners_partner_delete", args=[partner.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Partner.objects.exists() and not Agreement.objects.exists()
    assert NAMES["name_en"] not in client.get("/en/partners/").content.decode()

    changelist = admin_client.get(reverse("admin:partners_partner_changelist")).content.decode()
    recover_list_url = reverse("admin:partners_partner_recoverlist")
    assert recover_list_url in changelist  # the "Recover deleted …" button
    assert "Import" in changelist and "Export" in changelist  # next to import-export's
    recover_list = admin_client.get(recover_list_url).content.decode()
    assert NAMES["name_en"] in recover_list
    version = Version.objects.get_deleted(Partner).get()
    assert version.revision.comment == "Deleted in the admin."
    recover_url = reverse("admin:partners_partner_recover", args=[version.pk])
    assert recover_url in recover_list

    page = admin_client.get(recover_url)
    assert "tabbed_translation_fields.js" in page.content.decode()
    assert not Partner.objects.exists()  # showing the form recovers nothing yet
    assert admin_client.post(recover_url, form_data(page)).status_code == 302

    restored = Partner.objects.get(slug="yeditepe")
    assert (restored.name_uz, restored.name_ru, restored.name_en) == tuple(NAMES.values())
    assert restored.agreements.get().kind == Agreement.Kind.MEMORANDUM
    assert restored.logo.path == logo
    assert restored.logo.storage.exists(restored.logo.name)  # deleting kept the file
    public = client.get("/en/partners/").content.decode()
    assert NAMES["name_en"] in public  # the cached list was dropped by the restore
    assert restored.logo_128.url in public


def test_a_deleted_event_is_recovered_with_its_photos(admin_client, make_event):
    event = make_event(
        "open-day",
        title_uz="Ochiq eshiklar kuni",
        title_ru="День открытых дверей",
        summary_uz="Universitet bilan tanishuv.",
    )
    photo = EventPhoto(event=event, alt_en="The hall", alt_uz="Zal", alt_ru="Зал", order=1)
    photo.image.save("hall.png", png("hall.png"), save=True)
    save_in_admin(admin_client, event)
    admin_client.post(reverse("admin:events_event_delete", args=[event.pk]), {"post": "yes"})
    assert not EventPhoto.objects.exists()

    version = Version.objects.get_deleted(Event).get()
    url = reverse("admin:events_event_recover", args=[version.pk])
    admin_client.post(url, form_data(admin_client.get(url)))

    restored = Event.objects.get(slug="open-day")
    assert restored.title_ru == "День открытых дверей"
    restored_photo = restored.photos.get()
    assert (restored_photo.alt_uz, restored_photo.alt_ru) == ("Zal", "Зал")
    assert restored_photo.image.storage.exists(restored_photo.image.name)


def test_an_item_never_saved_in_the_admin_is_still_recoverable(admin_client, make_program):
    """Imported or seeded items have no history yet: deleting keeps them as they were."""
    make_program(
        "summer-school", title_uz="Yozgi maktab", title_ru="Летняя школа", summary_uz="Ikki hafta."
    )
    assert not Version.objects.exists()
    selected = {"action": "delete_selected", "_selected_action": [Program.objects.get().pk]}
    admin_client.post(reverse("admin:partners_program_changelist"), {**selected, "post": "yes"})
    assert not Program.objects.exists()

    version = Version.objects.get_deleted(Program).get()
    assert version.field_dict["title_ru"] == "Летняя школа"
    url = reverse("admin:partners_program_recover", args=[version.pk])
    response = admin_client.post(url, form_data(admin_client.get(url)))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Program.objects.get().title_ru == "Летняя школа"


def test_staff_without_the_right_to_see_an_item_cannot_compare_its_versions(
    client, partner, django_user_model
):
    version = Version.objects.get_for_object(partner).first()
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(clerk)
    response = client.get(
        reverse("admin:partners_partner_compare", args=[partner.pk]),
        {"version_id1": version.pk, "version_id2": version.pk},
    )
    assert response.status_code == 403


def test_a_deleted_staff_entry_is_recovered_with_its_photo_and_translations(admin_client):
    member = StaffMember.objects.create(
        slug="atayeva",
        name_uz="F. N. Atayeva",
        name_ru="Ф. Н. Атаева",
        name_en="F. N. Atayeva",
        position_uz="assistent",
        position_ru="ассистент",
        position_en="assistant",
        status=StaffMember.Status.PUBLISHED,
    )
    member.photo.save("atayeva.png", png("atayeva.png"), save=True)
    admin_client.post(
        reverse("admin:department_staffmember_delete", args=[member.pk]), {"post": "yes"}
    )
    assert not StaffMember.objects.exists()

    version = Version.objects.get_deleted(StaffMember).get()
    url = reverse("admin:department_staffmember_recover", args=[version.pk])
    response = admin_client.post(url, form_data(admin_client.get(url)))
    assert response.status_code == 302, response.context["adminform"].form.errors

    restored = StaffMember.objects.get(slug="atayeva")
    assert (restored.name_ru, restored.position_uz) == ("Ф. Н. Атаева", "assistent")
    assert restored.photo.storage.exists(restored.photo.name)
    team = admin_client.get(reverse("department:team")).content.decode()
    assert "F. N. Atayeva" in team


def test_each_editor_reads_the_history_in_their_own_language(admin_client, partner):
    """A change saved by a Russian-reading editor is described to each reader in theirs, with
    the field's own name (an institution's name: «название», not a person's «имя»)."""
    admin_client.cookies["django_language"] = "ru"
    save_in_admin(admin_client, partner, name_ru="Едитепе (Стамбул)", city_en="Istanbul")
    expected = {
        "uz": "Nomi [ru] va Shahar [en] oʻzgartirildi.",
        "ru": "Изменено Название [ru] и Город [en].",
        "en": "Changed Name [ru] and City [en].",
    }
    versions = Version.objects.get_for_object(partner)
    compare_url = reverse("admin:partners_partner_compare", args=[partner.pk])
    compare_url += f"?version_id1={versions.last().pk}&version_id2={versions.first().pk}"
    for language, comment in expected.items():
        admin_client.cookies["django_language"] = language
        history = admin_client.get(reverse("admin:partners_partner_history", args=[partner.pk]))
        assert f"<td>{comment}</td>" in history.content.decode()
        compared = admin_client.get(compare_url).content.decode()
        assert f"<blockquote>{comment}</blockquote>" in compared


def test_the_deletion_note_is_read_in_the_readers_language(admin_client, partner):
    admin_client.cookies["django_language"] = "ru"
    admin_client.post(reverse("admin:partners_partner_delete", args=[partner.pk]), {"post": "yes"})
    recover_url = reverse(
        "admin:partners_partner_recover", args=[Version.objects.get_deleted(Partner).get().pk]
    )
    admin_client.post(recover_url, form_data(admin_client.get(recover_url)))
    restored = Partner.objects.get(slug="yeditepe")
    admin_client.cookies["django_language"] = "uz"
    history = admin_client.get(reverse("admin:partners_partner_history", args=[restored.pk]))
    assert "<td>Boshqaruv panelida oʻchirildi.</td>" in history.content.decode()


def test_an_inline_rows_changed_fields_are_named_in_the_readers_language(admin_client, partner):
    url = change_url(partner)
    data = form_data(admin_client.get(url))
    data["agreements-0-signed_on"] = ["2024-06-01"]
    assert admin_client.post(url, data).status_code == 302
    admin_client.cookies["django_language"] = "ru"
    history = admin_client.get(reverse("admin:partners_partner_history", args=[partner.pk]))
    comments = re.findall(r"<td>([^<]*)</td>", history.content.decode())
    assert "Изменено Дата подписания у соглашение" in " ".join(comments), comments


def test_a_partner_with_a_signed_agreement_opens_saves_and_is_recovered(admin_client, partner):
    """The signed PDF is private: its file input links to the staff-only download, never to a
    public URL (asking private storage for one once answered 500 on these pages)."""
    agreement = partner.agreements.get()
    agreement.document.save("signed.pdf", SimpleUploadedFile("signed.pdf", b"%PDF-1.4 signed"))
    download = reverse("admin:partners_agreement_document", args=[agreement.pk])

    change = admin_client.get(change_url(partner))
    assert change.status_code == 200
    assert f'href="{download}"' in change.content.decode()
    save_in_admin(admin_client, partner, city_en="Istanbul")
    agreement.refresh_from_db()
    assert agreement.document.name.endswith(".pdf")  # saving kept the document

    delete = reverse("admin:partners_partner_delete", args=[partner.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 302
    version = Version.objects.get_deleted(Partner).get()
    recover_url = reverse("admin:partners_partner_recover", args=[version.pk])
    page = admin_client.get(recover_url)
    assert page.status_code == 200
    assert "signed.pdf" in page.content.decode()
    assert admin_client.post(recover_url, form_data(page)).status_code == 302

    restored = Partner.objects.get(slug="yeditepe").agreements.get()
    assert restored.document.name == agreement.document.name
    assert b"".join(admin_client.get(download).streaming_content).startswith(b"%PDF-1.4")


def test_the_comparison_shows_the_words_that_changed_not_markup(admin_client, partner):
    partner.description_en = "<p>Founded in 1996 in Istanbul.</p><p>Medicine &amp; dentistry.</p>"
    partner.save()
    save_in_admin(admin_client, partner)
    data = {"description_en": "<p>Founded in 1996 in Istanbul, Türkiye.</p><p>Medicine.</p>"}
    save_in_admin(admin_client, partner, **data)
    newer, older = Version.objects.get_for_object(partner)[:2]

    html = admin_client.get(
        reverse("admin:partners_partner_compare", args=[partner.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    ).content.decode()
    assert "Istanbul<ins>, Türkiye</ins>.<br>Medicine<del> &amp; dentistry</del>." in html
    assert "&lt;p&gt;" not in html  # no markup shown as text
    assert "Founded in 1996 in Istanbul" in html


def test_word_diff_marks_whole_words():
    from samsmu_intl.content.history import readable_text, word_diff

    assert readable_text("<p>A&nbsp;b</p><p>c<br>d</p>") == "A\xa0b\nc\nd"
    assert word_diff("the old name", "the new name") == "the <del>old</del><ins>new</ins> name"
    assert word_diff("<b>", "<i>") == "&lt;<del>b</del><ins>i</ins>&gt;"  # text, escaped


def at_tashkent(hour, minute, second):
    return timezone.make_aware(datetime.datetime(2026, 3, 5, hour, minute, second))


def test_two_versions_saved_in_the_same_minute_read_apart_by_second_and_who(
    admin_client, partner, editor, client
):
    """The fixture's save (the superuser's) and an editor's in the same minute: the history,
    the comparison and the list of deleted items give each one's second and who saved it."""
    sign_in(client, editor)
    save_in_admin(client, partner, name_ru="Университет Едитепе (Стамбул)")
    newer, older = Version.objects.get_for_object(partner)[:2]
    Revision.objects.filter(pk=older.revision_id).update(date_created=at_tashkent(10, 15, 3))
    Revision.objects.filter(pk=newer.revision_id).update(date_created=at_tashkent(10, 15, 41))

    admin_client.cookies["django_language"] = "uz"
    history = admin_client.get(reverse("admin:partners_partner_history", args=[partner.pk]))
    rows = re.findall(r"<tr>(.*?)</tr>", history.content.decode(), re.DOTALL)[1:]
    cells = [re.sub(r"\s+", " ", strip_tags(row)).strip() for row in rows]
    assert cells[0].startswith("2026-yil 5-mart, 10:15:41 editor "), cells
    assert cells[1].startswith("2026-yil 5-mart, 10:15:03 admin "), cells

    compared = admin_client.get(
        reverse("admin:partners_partner_compare", args=[partner.pk]),
        {"version_id1": older.pk, "version_id2": newer.pk},
    ).content.decode()
    assert "<strong>2026-yil 5-mart, 10:15:03 · admin</strong>" in compared
    assert "<strong>2026-yil 5-mart, 10:15:41 · editor</strong>" in compared

    admin_client.cookies["django_language"] = "ru"
    admin_client.post(reverse("admin:partners_partner_delete", args=[partner.pk]), {"post": "yes"})
    deletion = Version.objects.get_deleted(Partner).get()
    Revision.objects.filter(pk=deletion.revision_id).update(date_created=at_tashkent(10, 16, 7))
    recover_list = admin_client.get(reverse("admin:partners_partner_recoverlist"))
    row = re.findall(r"<tr>(.*?)</tr>", recover_list.content.decode(), re.DOTALL)[1]
    assert re.sub(r"\s+", " ", strip_tags(row)).strip() == (
        "5 марта 2026 г., 10:16:07 Университет Едитепе (Стамбул) admin"
    )
