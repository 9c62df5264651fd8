"""Exports a person reads and imports a person fills in (django-import-export, made readable in
samsmu_intl/spreadsheets): headers and values in the staff member's language, Tashkent times,
file names with the local date, the import template, mistakes by row with the allowed values,
a round trip from one language to another, and the rights to each."""

import csv
import datetime
import io
import re
from urllib.parse import unquote

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from events.admin import RegistrationResource
from events.models import Registration
from partners.models import Partner
from partners.resources import PartnerResource
from tests.test_partner_admin import confirm_import

CSV, XLSX = "0", "1"
HEADERS = {
    "uz": ["Qisqa manzil", "Nomi (Oʻzbekcha)", "Nomi (English)", "Turi", "Mamlakat"],
    "ru": ["Короткий адрес", "Название (Oʻzbekcha)", "Название (English)", "Тип", "Страна"],
    "en": ["Short address", "Name (Oʻzbekcha)", "Name (English)", "Kind", "Country"],
}
PARTNER = {  # what the partner made below reads as, in each language
    "uz": {
        "Turi": "Tibbiyot universiteti",
        "Mamlakat": "Ozarbayjon",
        "Hamkorlik shakllari": "Xodimlar mobilligi; Ilmiy hamkorlik",
        "Holat": "Eʼlon qilingan",
    },
    "ru": {
        "Тип": "Медицинский университет",
        "Страна": "Азербайджан",
        "Формы сотрудничества": "Мобильность сотрудников; Научное сотрудничество",
        "Статус": "Опубликовано",
    },
    "en": {
        "Kind": "Medical university",
        "Country": "Azerbaijan",
        "Forms of cooperation": "Staff mobility; Research",
        "Status": "Published",
    },
}
FILE_NAMES = {"uz": "hamkorlar", "ru": "партнёры", "en": "partners"}


def staff_reading(client, language):
    client.cookies["django_language"] = language
    return client


def export(client, url, resource, file_format):
    """The export form sent with every column ticked."""
    prefix = type(resource).__name__.lower()
    ticked = {f"{prefix}_{name}": "on" for name in resource.get_export_order()}
    response = client.post(url, {"format": file_format, "resource": "0", **ticked})
    assert response.status_code == 200, response.content[:500]
    return response


def xlsx_rows(content, sheet=0):
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    return [list(row) for row in workbook.worksheets[sheet].values]


def as_dicts(rows):
    headers, *rest = rows
    return [dict(zip(headers, row, strict=True)) for row in rest]


def attachment_name(response):
    """The file name a browser saves, from filename="..." or RFC 5987's filename*=utf-8''..."""
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    encoded = re.search(r"filename\*=utf-8''(\S+)", disposition)
    if encoded:
        return unquote(encoded.group(1))
    return re.search(r'filename="([^"]+)"', disposition).group(1)


def upload(client, content, name, file_format):
    return client.post(
        reverse("admin:partners_partner_import"),
        {"import_file": SimpleUploadedFile(name, content), "format": file_format, "resource": "0"},
    )


@pytest.fixture
def partner(make_partner):
    return make_partner(
        "amu",
        country="AZ",
        kind=Partner.Kind.MEDICAL_UNIVERSITY,
        name_uz="Ozarbayjon tibbiyot universiteti",
        name_ru="Азербайджанский медицинский университет",
        name_en="Azerbaijan Medical University",
        city_en="Baku",
        description_en="<p>Founded in <strong>1930</strong>.</p>",
        forms=["research", "staff-mobility"],
    )


# Exports ----------------------------------------------------------------------------------


def test_partner_export_is_in_the_staff_members_language(admin_client, partner, language):
    client = staff_reading(admin_client, language)
    url = reverse("admin:partners_partner_export")
    xlsx = export(client, url, PartnerResource(), XLSX)
    rows = xlsx_rows(xlsx.content)
    assert [header for header in rows[0] if header in HEADERS[language]] == HEADERS[language]
    [row] = as_dicts(rows)
    assert row[HEADERS[language][0]] == "amu"
    assert row[HEADERS[language][1]] == "Ozarbayjon tibbiyot universiteti"
    assert row[HEADERS[language][2]] == "Azerbaijan Medical University"
    assert {key: row[key] for key in PARTNER[language]} == PARTNER[language]

    with_csv = export(client, url, PartnerResource(), CSV)
    [csv_row] = csv.DictReader(io.StringIO(with_csv.content.decode()))
    assert {key: csv_row[key] for key in PARTNER[language]} == PARTNER[language]
    assert "<strong>1930</strong>" in with_csv.content.decode()  # the text as it is kept

    today = timezone.localdate()
    assert attachment_name(xlsx) == f"{FILE_NAMES[language]}-{today:%Y-%m-%d}.xlsx"
    assert attachment_name(with_csv) == f"{FILE_NAMES[language]}-{today:%Y-%m-%d}.csv"


def test_a_cyrillic_file_name_is_sent_as_rfc_5987(admin_client, partner):
    response = export(
        staff_reading(admin_client, "ru"),
        reverse("admin:partners_partner_export"),
        PartnerResource(),
        XLSX,
    )
    disposition = response["Content-Disposition"]
    assert disposition.isascii()
    assert "filename*=utf-8''%D0%BF%D0%B0%D1%80%D1%82%D0%BD%D1%91%D1%80%D1%8B-" in disposition


def test_export_page_names_the_columns_as_the_file_does(admin_client, partner):
    html = staff_reading(admin_client, "uz").get(reverse("admin:partners_partner_export"))
    html = html.content.decode()
    label = r'<label for="id_partnerresource_{}"[^>]*>{}</label>'
    assert re.search(label.format("name_uz", r"Nomi \(Oʻzbekcha\)"), html)
    assert re.search(label.format("cooperation_forms", "Hamkorlik shakllari"), html)
    assert "Name Uz" not in html  # import-export's own label, made from the field's name


def test_partner_export_runs_a_fixed_number_of_queries(
    admin_client, make_partner, django_assert_num_queries
):
    url = reverse("admin:partners_partner_export")
    make_partner("first", forms=["research"])
    export(admin_client, url, PartnerResource(), XLSX)
    # Session, user, their second factor, the list filters' countries and forms of
    # cooperation, the count, the partners, their forms of cooperation.
    with django_assert_num_queries(8):
        export(admin_client, url, PartnerResource(), XLSX)
    for number in range(15):
        make_partner(f"more-{number}", forms=["research", "joint-program"])
    with django_assert_num_queries(8):
        rows = xlsx_rows(export(admin_client, url, PartnerResource(), XLSX).content)
    assert len(rows) == 17


REGISTRATION = {
    "uz": {
        "Tadbir": "Vebinar",
        "Ism": "Ali Valiyev",
        "Mamlakat": "Oʻzbekiston",
        "Holat": "Kutish roʻyxatida",
        "Til": "Ruscha",
        "Maʼlumotlarni saqlashga rozilik": "Ha",
        "Roʻyxatdan oʻtgan vaqti": "2026-03-02 01:30",
    },
    "ru": {
        "Мероприятие": "Вебинар",
        "Имя": "Ali Valiyev",
        "Страна": "Узбекистан",
        "Статус": "В листе ожидания",
        "Язык": "Русский",
        "Согласие на хранение данных": "Да",
        "Дата регистрации": "2026-03-02 01:30",
    },
    "en": {
        # No English title: the event's title falls back as on the site (en: ru, uz).
        "Event": "Вебинар",
        "Name": "Ali Valiyev",
        "Country": "Uzbekistan",
        "Status": "On the waiting list",
        "Language": "Russian",
        "Consent to store the data": "Yes",
        "Registered at": "2026-03-02 01:30",
    },
}
REGISTRATION_FILES = {"uz": "roʻyxatdan-oʻtganlar", "ru": "регистрации", "en": "registrations"}


def test_registration_export_is_in_the_staff_members_language(
    admin_client, make_event, make_registration, language
):
    event = make_event(
        "webinar", kind="webinar", title_uz="Vebinar", title_ru="Вебинар", title_en=""
    )
    registration = make_registration(
        event, "ali@example.org", name="Ali Valiyev", language="ru", status="waiting"
    )
    # 20:30 UTC on 1 March is 01:30 on 2 March in Tashkent.
    moment = datetime.datetime(2026, 3, 1, 20, 30, tzinfo=datetime.UTC)
    Registration.objects.filter(pk=registration.pk).update(created_at=moment)
    client = staff_reading(admin_client, language)
    url = reverse("admin:events_registration_export")

    xlsx = export(client, url, RegistrationResource(), XLSX)
    [row] = as_dicts(xlsx_rows(xlsx.content))
    assert {key: row[key] for key in REGISTRATION[language]} == REGISTRATION[language]
    [csv_row] = csv.DictReader(
        io.StringIO(export(client, url, RegistrationResource(), CSV).content.decode())
    )
    assert {key: csv_row[key] for key in REGISTRATION[language]} == REGISTRATION[language]
    today = timezone.localdate()
    assert attachment_name(xlsx) == f"{REGISTRATION_FILES[language]}-{today:%Y-%m-%d}.xlsx"


def test_a_formula_typed_as_a_name_is_exported_as_text(admin_client, make_event, make_registration):
    formula = '=HYPERLINK("https://evil.example","Open")'
    make_registration(make_event("webinar"), "x@example.org", name=formula)
    url = reverse("admin:events_registration_export")
    xlsx = export(admin_client, url, RegistrationResource(), XLSX)
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    headers = [cell.value for cell in sheet[1]]
    cell = sheet.cell(2, headers.index("Name") + 1)
    assert (cell.data_type, cell.value) == ("s", f"'{formula}")
    with_csv = export(admin_client, url, RegistrationResource(), CSV).content.decode()
    assert f"'{formula}".replace('"', '""') in with_csv


# The import template ----------------------------------------------------------------------


def test_the_import_page_links_to_a_template_in_the_staff_members_language(admin_client, db):
    client = staff_reading(admin_client, "uz")
    page = client.get(reverse("admin:partners_partner_import")).content.decode()
    template_url = reverse("admin:partners_partner_import_template")
    assert f'href="{template_url}"' in page
    response = client.get(template_url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert attachment_name(response) == "hamkorlar-namuna.xlsx"

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    data, allowed = workbook.worksheets
    headers, example = [list(row) for row in data.values]
    assert headers[:2] == ["Qisqa manzil", "Nomi (Oʻzbekcha)"]
    assert example[headers.index("Turi")] == "Tibbiyot universiteti"
    assert example[headers.index("Mamlakat")] == "Germaniya"
    assert data.cell(1, 1).comment.text.startswith("Majburiy.")
    columns = {
        column[0]: [v for v in column[1:] if v] for column in zip(*allowed.values, strict=True)
    }
    assert columns["Turi"][:2] == ["Universitet", "Tibbiyot universiteti"]
    assert columns["Holat"] == ["Qoralama", "Eʼlon qilingan"]
    assert "Oʻzbekiston" in columns["Mamlakat"] and len(columns["Mamlakat"]) > 240
    assert "Ilmiy hamkorlik" in columns["Hamkorlik shakllari"]
    # The single-choice columns offer their values as a drop-down list.
    lists = {str(v.sqref).split(":")[0]: v.formula1 for v in data.data_validations.dataValidation}
    kind_column = openpyxl.utils.get_column_letter(headers.index("Turi") + 1)
    assert f"${kind_column}" not in lists[f"{kind_column}2"]  # points at the other sheet
    assert lists[f"{kind_column}2"].endswith("$A$2:$A$7")


def test_a_filled_in_template_imports(admin_client, db):
    client = staff_reading(admin_client, "ru")
    template = client.get(reverse("admin:partners_partner_import_template")).content
    workbook = openpyxl.load_workbook(io.BytesIO(template))
    sheet = workbook.worksheets[0]
    headers = [cell.value for cell in sheet[1]]
    filled = {
        "Короткий адрес": "yeditepe",
        "Название (Oʻzbekcha)": "Yeditepe universiteti",
        "Название (English)": "Yeditepe University",
        "Тип": "Университет",
        "Страна": "Турция",
        "Формы сотрудничества": "Научное сотрудничество; Стажировки и клиническая подготовка",
        "Статус": "Опубликовано",
    }
    sheet.append([filled.get(header) for header in headers])
    workbook.active = 1  # saved while looking at the allowed values: still imports
    buffer = io.BytesIO()
    workbook.save(buffer)

    preview = upload(client, buffer.getvalue(), "партнёры.xlsx", XLSX)
    html = preview.content.decode()
    assert 'name="import_file_name"' in html
    assert re.search(
        r'data-row="2">\s*<th scope="row">2</th>\s*<td class="import-type">\s*'
        r"Пример из шаблона: пропущен",
        html,
    )
    assert re.search(r'class="new" data-row="3"', html)
    confirm_import(client, preview)

    partner = Partner.objects.get()  # the example row was not imported
    assert (partner.slug, partner.name_uz, partner.kind, partner.country.code) == (
        "yeditepe",
        "Yeditepe universiteti",
        "university",
        "TR",
    )
    assert partner.status == "published" and partner.region == "europe"
    assert set(partner.cooperation_forms.values_list("slug", flat=True)) == {
        "research",
        "clinical-training",
    }


# Mistakes ----------------------------------------------------------------------------------

MISTAKES_CSV = (
    "Короткий адрес,Название (Oʻzbekcha),Название (English),Тип,Страна,Формы сотрудничества\n"
    "good,Yaxshi,Good,Университет,Германия,Научное сотрудничество\n"
    "bad-kind,Yomon,Bad,spaceship,DE,\n"
    ",,,,,\n"
    "bad-country,Yomon,Bad country,university,Narnia,Research; Teleportation\n"
    "no-uzbek-name,,Only English,university,DE,\n"
)


def test_bad_rows_are_named_with_the_allowed_values_and_good_rows_still_shown(admin_client, db):
    client = staff_reading(admin_client, "uz")
    preview = upload(client, MISTAKES_CSV.encode(), "partners.csv", CSV)
    html = preview.content.decode()
    assert preview.status_code == 200
    assert 'name="import_file_name"' not in html  # nothing to confirm
    stopping = re.search(r'id="spreadsheet-stopping-rows">(.*?)</p>', html, re.S).group(1)
    assert "3, 5, 6" in stopping  # the spreadsheet's own numbers; the blank row 4 is no mistake

    def mistakes(row):
        cell = re.search(rf'<tr data-row="{row}">.*?</ul>', html, re.S).group(0)
        return re.sub(r"<[^>]+>", "", cell)

    assert "Turi: “spaceship” ruxsat etilgan qiymat emas" in mistakes(3)
    assert "“Universitet”, “Tibbiyot universiteti”" in mistakes(3)
    assert "Mamlakat: “Narnia”" in mistakes(5)
    assert "“Teleportation”" in mistakes(5) and "“Ilmiy hamkorlik”" in mistakes(5)
    assert "Nomi (Oʻzbekcha): Oʻzbekcha" in mistakes(6)
    # The good row is in the preview, ready once the others are corrected.
    assert re.search(r'class="new" data-row="2"', html)
    assert "1 ta qator tayyor" in html
    assert Partner.objects.count() == 0


def test_an_empty_name_in_the_main_language_is_an_error_on_update_too(admin_client, partner):
    rows = "slug,name_uz,name_en\namu,,Azerbaijan Medical University\n"
    html = upload(admin_client, rows.encode(), "partners.csv", CSV).content.decode()
    assert "Required in Oʻzbekcha, the site’s main language." in html
    partner.refresh_from_db()
    assert partner.name_uz == "Ozarbayjon tibbiyot universiteti"


def test_a_column_the_import_does_not_know_stops_it(admin_client, db):
    rows = "slug,name_uz,Rating\nx,X,5\n"
    html = upload(admin_client, rows.encode(), "partners.csv", CSV).content.decode()
    assert "This import has no column “Rating”: name it as in the template" in html
    rows = "name_uz,name_en\nX,X\n"
    html = upload(admin_client, rows.encode(), "partners.csv", CSV).content.decode()
    assert "The file has no column “Short address”: each row needs it." in html
    assert "Traceback" not in html and Partner.objects.count() == 0


# Round trip --------------------------------------------------------------------------------


def test_an_export_in_one_language_imports_back_in_another(admin_client, partner, make_partner):
    make_partner("yeditepe", country="TR", name_uz="Yeditepe", forms=["joint-program"])
    exported = export(
        staff_reading(admin_client, "ru"),
        reverse("admin:partners_partner_export"),
        PartnerResource(),
        XLSX,
    )
    client = staff_reading(admin_client, "uz")
    preview = upload(client, exported.content, "партнёры.xlsx", XLSX)
    html = preview.content.decode()
    assert html.count('class="skip"') == 2  # unchanged: nothing to write

    workbook = openpyxl.load_workbook(io.BytesIO(exported.content))
    sheet = workbook.active
    headers = [cell.value for cell in sheet[1]]
    [amu] = [row for row in range(2, 4) if sheet.cell(row, 1).value == "amu"]
    sheet.cell(amu, headers.index("Тип") + 1, "Больница")
    sheet.cell(amu, headers.index("Формы сотрудничества") + 1, "Научное сотрудничество")
    buffer = io.BytesIO()
    workbook.save(buffer)
    preview = upload(client, buffer.getvalue(), "партнёры.xlsx", XLSX)
    assert preview.content.decode().count('class="update"') == 1
    confirm_import(client, preview)
    partner.refresh_from_db()
    assert partner.kind == Partner.Kind.HOSPITAL
    assert list(partner.cooperation_forms.values_list("slug", flat=True)) == ["research"]
    assert partner.description_en == "<p>Founded in <strong>1930</strong>.</p>"
    assert partner.country.code == "AZ" and partner.name_ru.startswith("Азербайджанский")


# Rights ------------------------------------------------------------------------------------


def test_staff_without_rights_to_partners_neither_export_nor_import(client, db, django_user_model):
    user = django_user_model.objects.create_user("viewer", password=None, is_staff=True)
    client.force_login(user)
    urls = ["export", "import", "import_template"]
    for name in urls:
        assert client.get(reverse(f"admin:partners_partner_{name}")).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename="view_partner"))
    assert client.get(reverse("admin:partners_partner_export")).status_code == 200
    assert client.get(reverse("admin:partners_partner_import")).status_code == 403
    assert client.get(reverse("admin:partners_partner_import_template")).status_code == 403
    changelist = client.get(reverse("admin:partners_partner_changelist")).content.decode()
    assert reverse("admin:partners_partner_import") not in changelist


def test_an_editor_imports_partners_and_exports_registrations_only_when_granted(
    client, editor, make_event, make_registration
):
    client.force_login(editor)
    assert client.get(reverse("admin:partners_partner_import")).status_code == 200
    assert client.get(reverse("admin:partners_partner_import_template")).status_code == 200
    assert client.get(reverse("admin:partners_partner_export")).status_code == 200
    make_registration(make_event("webinar"), "a@example.org")
    export_url = reverse("admin:events_registration_export")
    assert client.post(export_url, {"format": CSV, "resource": "0"}).status_code == 403
    editor.user_permissions.add(Permission.objects.get(codename="export_registration"))
    assert export(client, export_url, RegistrationResource(), CSV).status_code == 200
