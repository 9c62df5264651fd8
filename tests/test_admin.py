import re

import pytest
from django.contrib import admin
from django.urls import reverse
from django.utils import translation

from samsmu_intl.department.models import Department, StaffMember


@pytest.fixture
def staff_client(admin_client, seeded):
    return admin_client


def test_every_registered_model_has_working_list_and_forms(staff_client):
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        changelist = staff_client.get(reverse(f"{prefix}_changelist"), follow=True)
        assert changelist.status_code == 200, prefix
        obj = model.objects.first()
        if obj is not None:
            change = staff_client.get(reverse(f"{prefix}_change", args=[obj.pk]))
            assert change.status_code == 200, prefix


def test_translated_fields_are_edited_in_tabs_without_third_party_scripts(staff_client):
    html = staff_client.get(
        reverse("admin:department_staffmember_change", args=[StaffMember.objects.first().pk])
    ).content.decode()
    for code in ("uz", "ru", "en"):
        assert f'name="name_{code}"' in html
        assert f'name="position_{code}"' in html
    assert "tabbed_translation_fields.js" in html
    assert "/static/vendor/jquery-ui/jquery-ui.min.js" in html
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    assert scripts
    assert all(src.startswith("/") and not src.startswith("//") for src in scripts)


def test_department_list_goes_straight_to_the_one_department(staff_client):
    response = staff_client.get(reverse("admin:department_department_changelist"))
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:department_department_change", args=[Department.SINGLETON_PK]
    )


def test_department_cannot_be_added_twice_or_deleted(staff_client):
    assert staff_client.get(reverse("admin:department_department_add")).status_code == 403
    delete = reverse("admin:department_department_delete", args=[Department.SINGLETON_PK])
    assert staff_client.get(delete).status_code == 403


def test_staff_edit_landing_text_in_three_languages(staff_client, client):
    page = Department.load()
    form = {
        "title_uz": "Yangi sarlavha",
        "title_ru": "Новый заголовок",
        "title_en": "New heading",
        "lead_uz": "",
        "lead_ru": "",
        "lead_en": "",
        "address_uz": "Samarqand",
        "address_ru": "Самарканд",
        "address_en": "Samarkand",
        "email": "intl@example.uz",
        "phone": "",
        "website": "https://sammu.uz",
        "sections-TOTAL_FORMS": "0",
        "sections-INITIAL_FORMS": "0",
        "sections-MIN_NUM_FORMS": "0",
        "sections-MAX_NUM_FORMS": "1000",
    }
    response = staff_client.post(
        reverse("admin:department_department_change", args=[page.pk]), form
    )
    assert response.status_code == 302
    assert "<h1>Новый заголовок</h1>" in client.get("/ru/").content.decode()
    assert "intl@example.uz" in client.get("/en/team/").content.decode()


def test_staff_list_searches_every_language(staff_client):
    url = reverse("admin:department_staffmember_changelist")
    html = staff_client.get(url, {"q": "Атаева"}).content.decode()
    assert "F. N. Atayeva" in html or "Atayeva" in html
    assert "Shavazi" not in html.split('id="result_list"')[1]


def test_view_on_site_links_to_the_public_page(staff_client):
    member = StaffMember.objects.get(slug="atayeva")
    with translation.override("uz"):
        assert member.get_absolute_url() == "/uz/team/#atayeva"
    html = staff_client.get(
        reverse("admin:department_staffmember_change", args=[member.pk])
    ).content.decode()
    assert "viewsitelink" in html


def test_admin_language_can_be_chosen(staff_client):
    response = staff_client.post(
        reverse("set_language"), {"language": "ru", "next": reverse("admin:index")}
    )
    assert response.status_code == 302
    html = staff_client.get(reverse("admin:index")).content.decode()
    assert 'lang="ru"' in html
    assert "Международное сотрудничество СамГМУ" in html
    assert '<option value="ru" lang="ru" selected>Русский</option>' in html


def test_the_home_page_search_finds_content_by_name_in_any_language(
    admin_client, make_partner, make_event
):
    import re

    make_partner("charite", name_uz="Sharite", name_ru="Шарите", name_en="Charité Berlin")
    make_event("charite-week", title_uz="Sharite haftasi", title_en="Charité week")
    make_partner("karolinska", name_en="Karolinska")
    home = admin_client.get(reverse("admin:index")).content.decode()
    assert f'action="{reverse("admin-search")}"' in home

    for terms in ("Шарите", "Sharite"):
        page = admin_client.get(reverse("admin-search"), {"q": terms}).content.decode()
        kinds = re.findall(r"<h2>(.*?) \((\d+)\)</h2>", page)
        assert ("Partner institutions", "1") in kinds, terms
        assert "Karolinska" not in page
    events = admin_client.get(reverse("admin-search"), {"q": "haftasi"}).content.decode()
    assert re.findall(r"<h2>(.*?) \((\d+)\)</h2>", events) == [("Events", "1")]
    nothing = admin_client.get(reverse("admin-search"), {"q": "zzz"}).content.decode()
    assert "Nothing was found for “zzz”." in nothing


def test_the_search_lists_only_what_the_staff_member_may_see(
    client, editor, django_user_model, make_partner
):
    from samsmu_intl.department.models import Inquiry

    Inquiry.objects.create(
        name="Sharite applicant",
        email="a@example.org",
        country="DE",
        topic="admission",
        message="?",
        consent=True,
        language="en",
    )
    make_partner("charite", name_en="Sharite")
    client.force_login(editor)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("admin-search"), {"q": "Sharite"}).content.decode()
    assert "Partner institutions (1)" in page
    assert "Sharite applicant" in page  # editors answer the inquiries

    nobody = django_user_model.objects.create_user("new", password="x" * 20, is_staff=True)
    client.force_login(nobody)
    page = client.get(reverse("admin-search"), {"q": "Sharite"}).content.decode()
    assert "Nothing was found" in page and "Sharite applicant" not in page
