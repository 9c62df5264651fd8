"""For applicants: the guide (steps, documents, deadlines, FAQ with its JSON-LD, open programs, a
contact person), the public documents and their upload checks, the sitemap and editors' rights."""

import datetime
import io
import json
import re
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from samsmu_intl.applicants.models import ApplicantGuide, PublicDocument, Question
from samsmu_intl.applicants.validators import MAX_DOCUMENT_BYTES, document_type
from samsmu_intl.department.models import StaffMember
from tests.admin_forms import form_data
from tests.conftest import document_bytes

DAY = datetime.timedelta(days=1)


def get(client, name, language="en", **kwargs):
    with translation.override(language):
        return client.get(reverse(name, kwargs=kwargs or None))


def json_ld(response, kind):
    blocks = re.findall(
        r'<script type="application/ld\+json"[^>]*>(.*?)</script>', response.content.decode(), re.S
    )
    return [data for data in map(json.loads, blocks) if data.get("@type") == kind]


def ask(guide, order, question_en, answer_en, **fields):
    fields.setdefault("status", Question.Status.PUBLISHED)
    return guide.questions.create(
        order=order, question_en=question_en, answer_en=answer_en, **fields
    )


# The guide -----------------------------------------------------------------------------------


GUIDE_TEXTS = {
    "uz": ("Abituriyentlar uchun", "Dasturni tanlang", "xorijiy abituriyentlar"),
    "ru": ("Абитуриентам", "Выберите программу", "открыт для абитуриентов"),
    "en": ("For applicants", "Choose a program", "open to applicants"),
}


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_seeded_guide_reads_in_each_language_with_its_steps_in_order(client, seeded, language):
    heading, first_step, intro = GUIDE_TEXTS[language]
    html = get(client, "applicants:guide", language).content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert intro in html
    steps = re.search(r'<ol class="steps">(.*?)</ol>', html, re.S).group(1)
    assert steps.count("<li>") == 3
    assert steps.index(first_step) < steps.index("<li>", steps.index(first_step))
    assert 'lang="' not in steps  # every step is written in every language
    assert "FAQPage" not in html  # the seed has no questions: nothing invented


def test_seed_states_no_deadline_document_or_question_of_its_own(seeded):
    guide = ApplicantGuide.load()
    texts = " ".join(
        str(getattr(guide, f"{field}_{code}"))
        for field in ("intro", "documents_needed", "deadlines")
        for code in ("uz", "ru", "en")
    )
    assert not re.search(r"\d{4}|\d+ (days|дней|kun)", texts)  # no dates, no periods
    assert not Question.objects.exists() and not PublicDocument.objects.exists()
    assert guide.contact.slug == "shavazi"
    call_command("load_seed", stdout=io.StringIO())  # again: nothing doubles
    assert ApplicantGuide.objects.count() == 1 and guide.steps.count() == 3


def test_contact_person_shows_photo_email_and_phone_while_published(client, seeded):
    member = StaffMember.objects.get(slug="shavazi")
    buffer = io.BytesIO()
    Image.new("RGB", (400, 400), "navy").save(buffer, "PNG")
    member.photo = SimpleUploadedFile("shavazi.png", buffer.getvalue())
    member.email, member.phone = "intl@example.uz", "+998 66 000 00 00"
    member.save()
    aside = (
        get(client, "applicants:guide")
        .content.decode()
        .split('<aside class="applicants__contact"')[1]
    )
    assert "N. N. Shavazi" in aside and "Head of the department" in aside
    assert re.search(r'<img class="person-card__photo" src="[^"]+\.webp"', aside)
    assert 'href="mailto:intl@example.uz"' in aside
    assert 'href="tel:+998660000000"' in aside
    assert 'href="/en/contact/"' in aside
    member.status = StaffMember.Status.DRAFT
    member.save()
    aside = (
        get(client, "applicants:guide")
        .content.decode()
        .split('<aside class="applicants__contact"')[1]
    )
    assert "Shavazi" not in aside


def test_guide_without_any_content_still_answers(client, db):
    html = get(client, "applicants:guide", "ru").content.decode()
    assert "<h1>Абитуриентам</h1>" in html
    assert "Сейчас ни одна программа не принимает заявки." in html


def test_questions_are_details_in_order_drafts_and_scheduled_hidden(client, seeded):
    guide = ApplicantGuide.load()
    ask(guide, 20, "Second?", "<p>Two.</p>")
    ask(guide, 10, "First?", "<p>One <strong>bold</strong>.</p>")
    ask(guide, 5, "Draft?", "<p>No.</p>", status=Question.Status.DRAFT)
    ask(guide, 1, "Later?", "<p>No.</p>", publish_from=timezone.now() + DAY)
    html = get(client, "applicants:guide").content.decode()
    summaries = re.findall(r'<details class="faq">\s*<summary>([^<]+)</summary>', html)
    assert summaries == ["First?", "Second?"]
    assert "<strong>bold</strong>" in html


def test_questions_describe_themselves_as_a_faq_page(client, seeded):
    guide = ApplicantGuide.load()
    ask(
        guide,
        1,
        "Can I write in Russian?",
        "<p>Yes, <em>or</em> Uzbek.</p>",
        question_ru="Можно ли писать по-русски?",
        answer_ru="<p>Да.</p>",
    )
    ask(guide, 2, "Draft?", "<p>No.</p>", status=Question.Status.DRAFT)
    [data] = json_ld(get(client, "applicants:guide", "ru"), "FAQPage")
    assert data["@context"] == "https://schema.org"
    assert data["url"].endswith("/ru/applicants/")
    assert data["mainEntity"] == [
        {
            "@type": "Question",
            "name": "Можно ли писать по-русски?",
            "acceptedAnswer": {"@type": "Answer", "text": "Да."},
        }
    ]
    [english] = json_ld(get(client, "applicants:guide", "en"), "FAQPage")
    assert english["mainEntity"][0]["acceptedAnswer"]["text"] == "Yes, or Uzbek."


def test_a_question_missing_in_the_page_language_falls_back_marked(client, seeded):
    ask(ApplicantGuide.load(), 1, "Only in English?", "<p>Yes.</p>")
    html = get(client, "applicants:guide", "uz").content.decode()
    assert '<summary lang="en">Only in English?</summary>' in html


def test_open_programs_only_still_open_and_published(client, seeded, make_program):
    today = timezone.localdate()
    make_program("open-soon", title_en="Open Soon", deadline=today + 10 * DAY)
    make_program("all-year", title_en="All Year")
    make_program("closed", title_en="Closed Program", deadline=today - DAY)
    make_program("draft", title_en="Draft Program", status="draft")
    html = get(client, "applicants:guide").content.decode()
    section = html.split('id="programs-heading"')[1].split("</section>")[0]
    assert re.findall(r'<a href="/en/programs/[^"]+/">([^<]+)</a>', section) == [
        "Open Soon",
        "All Year",
    ]
    assert "Apply by" in section and "Applications accepted all year" in section


def test_staff_preview_the_guide_with_draft_questions(client, admin_client, seeded):
    ask(ApplicantGuide.load(), 1, "Draft question?", "<p>Soon.</p>", status="draft")
    response = get(admin_client, "applicants:preview")
    assert "Draft question?" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert get(client, "applicants:preview").status_code == 404
    assert "Draft question?" not in get(client, "applicants:guide").content.decode()


# Documents -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "meta"),
    [("uz", "XLSX, 5 KB"), ("ru", "XLSX, 5 КБ"), ("en", "XLSX, 5 KB")],
)
def test_documents_page_lists_type_size_kind_and_language(client, make_document, language, meta):
    document = make_document(
        "xlsx", title_en="Application form", title_ru="Бланк заявки", language="ru"
    )
    make_document("pdf", title_en="Draft Brochure", status="draft")
    html = get(client, "applicants:documents", language).content.decode()
    item = html.split(f'id="document-{document.pk}"')[1].split("</li>")[0]
    assert f'href="{document.file.url}"' in item
    assert 'hreflang="ru"' in item
    assert 'type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"' in item
    assert meta in item
    assert "Draft Brochure" not in html


def test_sizes_read_as_people_write_them(make_document):
    document = make_document("pdf")
    for size, english, russian in [
        (300, "1 KB", "1 КБ"),
        (240 * 1024, "240 KB", "240 КБ"),
        (int(1.5 * 1024 * 1024), "1.5 MB", "1,5 МБ"),
    ]:
        document.file_size = size
        with translation.override("en"):
            assert document.size_display() == english
        with translation.override("ru"):
            assert document.size_display() == russian


def test_empty_documents_page_says_so(client, db):
    html = get(client, "applicants:documents", "uz").content.decode()
    assert "Hozircha hujjatlar yoʻq. Keyinroq qayta kiring." in html


def test_guide_and_program_pages_link_their_documents(client, seeded, make_document, make_program):
    program = make_program("summer-school", title_en="Summer School")
    other = make_program("other", title_en="Other")
    form = make_document("docx", programs=[program], title_en="Summer form")
    make_document("pdf", programs=[program], title_en="Hidden form", status="draft")
    guide = get(client, "applicants:guide").content.decode()
    assert f'href="{form.file.url}"' in guide
    assert 'href="/en/documents/"' in guide
    page = get(client, "partners:program-detail", slug=program.slug).content.decode()
    assert f'href="{form.file.url}"' in page and "DOCX" in page
    assert "Hidden form" not in page
    assert (
        "Summer form"
        not in get(client, "partners:program-detail", slug=other.slug).content.decode()
    )


def test_documents_are_public_files_in_the_media_folder(make_document, settings):
    document = make_document("pdf")
    assert document.file.url.startswith(settings.MEDIA_URL + "documents/")
    assert (settings.MEDIA_ROOT / document.file.name).read_bytes().startswith(b"%PDF-")


# Upload checks -------------------------------------------------------------------------------


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return buffer.getvalue()


EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff"
    + b"\x00" * 48
    + b"PE\x00\x00"
    + b"\x00" * 200
)
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("form.pdf", EXE, "not_a_document"),  # a program renamed
        ("form.docx", EXE, "not_a_document"),
        ("form.pdf", HTML, "not_a_document"),  # a web page renamed
        ("form.xlsx", HTML, "not_a_document"),
        ("form.docx", zip_bytes({"word/document.xml": "<w/>"}), "not_a_document"),  # no types
        (
            "form.docx",
            zip_bytes({"[Content_Types].xml": "<Types/>", "x.html": HTML}),
            "not_a_document",
        ),
        ("form.docx", b"PK\x03\x04" + b"\x00" * 300, "not_a_document"),  # a broken archive
        ("form.xlsx", document_bytes("docx"), "wrong_extension"),
        ("form.pdf", document_bytes("xlsx"), "wrong_extension"),
        ("form.docx", document_bytes("pdf"), "wrong_extension"),
        ("form.exe", document_bytes("pdf"), "wrong_extension"),
        ("form", document_bytes("pdf"), "wrong_extension"),
    ],
)
def test_files_that_are_not_what_they_claim_are_refused(name, content, code):
    with pytest.raises(ValidationError) as error:
        document_type(SimpleUploadedFile(name, content))
    assert error.value.code == code


@pytest.mark.parametrize("kind", ["pdf", "docx", "xlsx"])
def test_real_documents_are_recognised_by_their_bytes(kind):
    upload = SimpleUploadedFile(f"Form.{kind.upper()}", document_bytes(kind))
    assert document_type(upload) == kind
    assert upload.tell() == 0  # left where it was, for saving


def test_too_large_a_file_is_refused_with_its_size():
    upload = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * MAX_DOCUMENT_BYTES)
    with pytest.raises(ValidationError) as error, translation.override("en"):
        document_type(upload)
    assert error.value.code == "file_too_large"
    with translation.override("en"):
        assert "of at most 10.0\xa0MB" in error.value.messages[0]


def document_form(admin_client, upload, language="en"):
    response = admin_client.get(reverse("admin:applicants_publicdocument_add"))
    data = form_data(response)
    data.update(
        {
            "title_uz": "Ariza shakli",
            "title_ru": "Бланк",
            "title_en": "Form",
            "kind": "form",
            "language": language,
            "status": "published",
            "file": upload,
        }
    )
    return admin_client.post(reverse("admin:applicants_publicdocument_add"), data)


def test_admin_refuses_a_renamed_program_with_a_message_never_a_500(admin_client, db):
    response = document_form(admin_client, SimpleUploadedFile("form.pdf", EXE))
    assert response.status_code == 200
    assert "This file is not a PDF, Word (DOCX) or Excel (XLSX) document." in (
        response.content.decode()
    )
    assert not PublicDocument.objects.exists()


def test_admin_upload_stores_type_and_size_for_the_lists(admin_client, db):
    content = document_bytes("docx")
    response = document_form(admin_client, SimpleUploadedFile("form.docx", content))
    assert response.status_code == 302
    document = PublicDocument.objects.get()
    assert (document.file_type, document.file_size) == ("docx", len(content))
    changelist = admin_client.get(reverse("admin:applicants_publicdocument_changelist"))
    assert "DOCX, 1 KB" in changelist.content.decode()


# Site-wide -----------------------------------------------------------------------------------


def test_sitemap_lists_the_guide_and_documents_in_every_language(client, seeded, make_document):
    make_document("pdf")
    xml = client.get(reverse("sitemap")).content.decode()
    for language in ("uz", "ru", "en"):
        assert f"/{language}/applicants/</loc>" in xml
        assert f"/{language}/documents/</loc>" in xml
    guide = xml.split("/en/applicants/</loc>")[1].split("</url>")[0]
    assert "<lastmod>" in guide


def test_menu_leads_to_the_guide_and_marks_it_current(client, seeded):
    html = get(client, "applicants:guide", "ru").content.decode()
    assert re.search(r'<a href="/ru/applicants/" aria-current="page">Абитуриентам</a>', html)


def test_editors_write_the_guide_and_documents_and_delete_only_drafts(
    editor, client, seeded, make_document
):
    client.force_login(editor)
    guide_url = reverse("admin:applicants_applicantguide_change", args=[1])
    assert client.get(guide_url).status_code == 200
    assert client.get(reverse("admin:applicants_publicdocument_add")).status_code == 200
    published = make_document("pdf")
    response = client.get(reverse("admin:applicants_publicdocument_delete", args=[published.pk]))
    assert response.status_code in (302, 403)
    assert editor.has_perms(
        [f"applicants.{action}_question" for action in ("add", "change", "view", "delete")]
    )


def test_guide_and_documents_pages_run_a_fixed_number_of_queries(
    client, seeded, make_document, make_program, django_assert_num_queries
):
    guide = ApplicantGuide.load()
    for number in range(30):
        ask(guide, number, f"Question {number}?", "<p>Answer.</p>")
        make_program(f"program-{number}")
        make_document("pdf", title_en=f"Form {number}")
    # The guide with its contact, steps, questions, documents, open programs; the department.
    with django_assert_num_queries(6):
        assert get(client, "applicants:guide").status_code == 200
    # Count, the page of documents; the department.
    with django_assert_num_queries(3):
        assert get(client, "applicants:documents").status_code == 200


def test_uzbek_guide_uses_the_proper_letters(seeded):
    guide = ApplicantGuide.load()
    texts = guide.intro_uz + guide.documents_needed_uz + guide.deadlines_uz
    texts += "".join(step.title_uz + step.text_uz for step in guide.steps.all())
    assert "oʻ" in texts and "gʻ" in texts
    for wrong in ("o'", "g'", "o`", "g`", "o‘", "g‘"):
        assert wrong not in texts


def test_the_guide_opens_from_the_admin_menu_even_before_the_seed(admin_client, db):
    response = admin_client.get(reverse("admin:applicants_applicantguide_changelist"))
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:applicants_applicantguide_change", args=[1])
    assert admin_client.get(response["Location"]).status_code == 200
    assert ApplicantGuide.objects.count() == 1
