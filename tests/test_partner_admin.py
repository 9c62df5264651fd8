import html
import io
import re

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from partners.models import Agreement, Partner
from partners.validators import MAX_PDF_BYTES
from tests.admin_forms import partner_form

CSV_HEADER = "slug,name_uz,name_ru,name_en,kind,country,cooperation_forms,status\n"


def csv_upload(rows, name="partners.csv"):
    return SimpleUploadedFile(name, (CSV_HEADER + rows).encode(), content_type="text/csv")


def preview_import(admin_client, upload, file_format="0"):
    return admin_client.post(
        reverse("admin:partners_partner_import"),
        {"import_file": upload, "format": file_format, "resource": "0"},
    )


def confirm_import(admin_client, preview):
    form = dict(
        re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', preview.content.decode())
    )
    return admin_client.post(reverse("admin:partners_partner_process_import"), form)


def test_import_previews_before_writing_then_writes(admin_client, db):
    rows = (
        'charite,Charite,Шарите,Charité,university,DE,"research,staff-mobility",published\n'
        "kazan,Qozon,Казань,Kazan Medical,medical-university,RU,,draft\n"
    )
    preview = preview_import(admin_client, csv_upload(rows))
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Charité" in html and "Kazan Medical" in html
    assert Partner.objects.count() == 0  # nothing written by the preview

    confirm_import(admin_client, preview)

    charite = Partner.objects.get(slug="charite")
    assert charite.name_ru == "Шарите"
    assert charite.region == "europe"
    assert set(charite.cooperation_forms.values_list("slug", flat=True)) == {
        "research",
        "staff-mobility",
    }
    assert "шарите" in charite.search_text
    assert Partner.objects.get(slug="kazan").status == "draft"


def test_import_with_bad_rows_shows_them_and_writes_nothing(admin_client, make_partner):
    make_partner("existing", name_en="Existing")
    rows = (
        "good,Yaxshi,Хороший,Good,university,DE,,published\n"
        "bad-kind,Yomon,Плохой,Bad,spaceship,DE,,published\n"
        "bad-country,Yomon,Плохой,Bad country,university,ZZ,,published\n"
    )
    preview = preview_import(admin_client, csv_upload(rows))
    html = preview.content.decode()
    assert "spaceship" in html
    assert "rows 3, 4 of the file have mistakes" in html  # the spreadsheet's row numbers
    assert 'name="import_file_name"' not in html  # no way to confirm a broken import
    assert set(Partner.objects.values_list("slug", flat=True)) == {"existing"}


def test_import_of_a_broken_file_is_refused_calmly(admin_client, db):
    broken = SimpleUploadedFile("partners.xlsx", b"this is not a spreadsheet")
    response = preview_import(admin_client, broken, file_format="1")
    assert response.status_code == 200
    assert Partner.objects.count() == 0


def test_export_as_xlsx_and_csv(admin_client, make_partner):
    make_partner("amu", country="AZ", name_en="Azerbaijan Medical University", forms=["research"])
    url = reverse("admin:partners_partner_export")
    fields = {
        "resource": "0",
        "partnerresource_slug": "on",
        "partnerresource_name_en": "on",
        "partnerresource_country": "on",
        "partnerresource_cooperation_forms": "on",
    }
    xlsx = admin_client.post(url, {**fields, "format": "1"})
    assert xlsx.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.values)
    # Headers and values as staff read them (tests/test_spreadsheets.py: in each language).
    assert rows[0][:2] == ("Short address", "Name (English)")
    expected = ("amu", "Azerbaijan Medical University", "Azerbaijan", "Research")
    assert expected in [r[:4] for r in rows]
    csv = admin_client.post(url, {**fields, "format": "0"})
    assert "amu,Azerbaijan Medical University,Azerbaijan,Research" in csv.content.decode()


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (30, 30), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_logo_that_is_not_an_image_is_refused(admin_client, db):
    fake = SimpleUploadedFile("logo.png", b"<svg onload=alert(1)>", content_type="image/png")
    response = admin_client.post(reverse("admin:partners_partner_add"), partner_form(logo=fake))
    assert response.status_code == 200
    # SVG content under a .png name: refused as SVG (it can carry scripts), not stored.
    assert "SVG images are not accepted" in response.content.decode()
    assert Partner.objects.count() == 0


def test_real_logo_is_accepted_and_previewed(admin_client, db):
    logo = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")
    response = admin_client.post(reverse("admin:partners_partner_add"), partner_form(logo=logo))
    assert response.status_code == 302
    changelist = admin_client.get(reverse("admin:partners_partner_changelist")).content.decode()
    assert 'class="admin-logo"' in changelist


def test_a_website_typed_without_a_scheme_is_saved_as_https(admin_client, db):
    response = admin_client.post(
        reverse("admin:partners_partner_add"), partner_form(website="www.charite.de")
    )
    assert response.status_code == 302
    assert Partner.objects.get().website == "https://www.charite.de"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"MZ\x90\x00 not a pdf", "This file is not a PDF document."),
        (
            b"%PDF-1.4" + b"0" * (MAX_PDF_BYTES + 1024 * 1024),
            "The file is too large (11.0\xa0MB). Upload a PDF of at most 10.0\xa0MB.",
        ),
    ],
)
def test_agreement_document_must_be_a_pdf_of_at_most_10_mb(admin_client, db, content, message):
    document = SimpleUploadedFile("agreement.pdf", content, content_type="application/pdf")
    form = partner_form(
        **{
            "agreements-TOTAL_FORMS": "1",
            "agreements-0-kind": "memorandum",
            "agreements-0-signed_on": "2024-09-01",
            "agreements-0-valid_until": "",
            "agreements-0-document": document,
        }
    )
    response = admin_client.post(reverse("admin:partners_partner_add"), form)
    assert response.status_code == 200
    assert html.escape(message) in response.content.decode()
    assert Partner.objects.count() == 0


def test_agreement_documents_are_for_staff_only(
    admin_client, client, make_partner, settings, tmp_path
):
    partner = make_partner("amu")
    agreement = Agreement.objects.create(partner=partner, kind="memorandum", signed_on="2024-09-01")
    agreement.document.save("memo.pdf", SimpleUploadedFile("memo.pdf", b"%PDF-1.4 test"))
    url = reverse("admin:partners_agreement_document", args=[agreement.pk])

    assert client.get(url).status_code == 302  # to the login page
    assert "/admin/login/" in client.get(url)["Location"]
    response = admin_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert "attachment" in response["Content-Disposition"]
    # Not reachable as a public media file.
    assert not str(agreement.document.path).startswith(str(settings.MEDIA_ROOT))


def test_partner_list_columns_and_agreement_filter(admin_client, make_partner):
    import datetime

    from django.utils import timezone

    soon = timezone.localdate() + datetime.timedelta(days=30)
    partner = make_partner("amu", country="AZ", name_en="Azerbaijan Medical University")
    Agreement.objects.create(
        partner=partner, kind="memorandum", signed_on="2024-01-01", valid_until=soon
    )
    make_partner("quiet", name_en="Quiet Partner")
    url = reverse("admin:partners_partner_changelist")
    html = admin_client.get(url, {"agreements": "expiring"}).content.decode()
    assert "Azerbaijan Medical University" in html
    assert "Quiet Partner" not in html
    assert "/static/flags/az.gif" in html
    assert admin_client.get(url, {"q": "азербайджан"}).status_code == 200


def test_program_partners_use_autocomplete(admin_client, make_partner):
    make_partner("amu", name_en="Azerbaijan Medical University")
    html = admin_client.get(reverse("admin:partners_program_add")).content.decode()
    assert "admin-autocomplete" in html
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {
            "term": "azerb",
            "app_label": "partners",
            "model_name": "program",
            "field_name": "partners",
        },
    )
    assert "Azerbaijan Medical University" in response.content.decode()


def test_rich_text_editor_loads_under_the_content_security_policy(admin_client, db):
    response = admin_client.get(reverse("admin:partners_partner_add"))
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    assert f'<script type="importmap" nonce="{nonce}">' in html


def test_country_filter_lists_the_partners_countries_by_name(admin_client, make_partner):
    make_partner("heidelberg", country="DE")
    make_partner("yeditepe", country="TR")
    changelist = reverse("admin:partners_partner_changelist")
    html = admin_client.get(changelist).content.decode()
    assert re.search(r'href="\?country=DE"[^>]*>Germany</a>', html)
    assert re.search(r'href="\?country=TR"[^>]*>Türkiye</a>', html)
    assert "Albania" not in html  # no partner there: not offered
    filtered = admin_client.get(changelist, {"country": "TR"}).content.decode()
    assert "Yeditepe" in filtered and "Heidelberg" not in filtered
