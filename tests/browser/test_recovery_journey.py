"""Journey 3 in a real headless Chromium: a staff member deletes a partner by mistake and
restores it from the admin; the partner is back on the public pages in every language."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image
from playwright.sync_api import expect

from tests.browser import log_in_to_admin

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "Samarkand blue tiles 1417"
NAMES = {
    "uz": "Charite tibbiyot universiteti",
    "ru": "Медицинский университет Шарите",
    "en": "Charité Medical University",
}


@pytest.fixture
def partner():
    from partners.models import Partner

    buffer = io.BytesIO()
    Image.new("RGB", (120, 120), "teal").save(buffer, "PNG")
    partner = Partner.objects.create(
        slug="charite",
        country="DE",
        city_en="Berlin",
        kind=Partner.Kind.MEDICAL_UNIVERSITY,
        status=Partner.Status.PUBLISHED,
        **{f"name_{code}": name for code, name in NAMES.items()},
    )
    partner.logo.save("charite.png", SimpleUploadedFile("charite.png", buffer.getvalue()))
    return partner


@pytest.fixture
def staff(django_user_model):
    # The head of the department: only a superuser may delete a published partner.
    return django_user_model.objects.create_superuser("shavazi", "head@example.org", PASSWORD)


def partners_page(live_server, language):
    with translation.override(language):
        return live_server.url + reverse("partners:list")


def test_staff_member_restores_a_partner_deleted_by_mistake(page, live_server, partner, staff):
    from partners.models import Partner

    logo_name = partner.logo.name
    page.goto(partners_page(live_server, "en"))  # the public list, now in the page cache
    expect(page.get_by_role("link", name=NAMES["en"])).to_be_visible()

    log_in_to_admin(page, live_server, "shavazi", PASSWORD)

    # The mistake.
    page.goto(live_server.url + reverse("admin:partners_partner_changelist"))
    page.get_by_role("link", name=NAMES["en"]).click()
    page.get_by_role("link", name="Delete", exact=True).click()
    page.get_by_role("button", name="Yes, I’m sure").click()
    expect(page.locator(".messagelist")).to_contain_text("was deleted successfully")
    assert not Partner.objects.exists()
    page.goto(partners_page(live_server, "en"))
    expect(page.get_by_role("link", name=NAMES["en"])).to_have_count(0)

    # The recovery.
    page.goto(live_server.url + reverse("admin:partners_partner_changelist"))
    page.get_by_role("link", name="Recover deleted partner institutions").click()
    expect(page.get_by_role("heading", name="Recover deleted partner institutions")).to_be_visible()
    row = page.get_by_role("row").filter(has_text=NAMES["en"])
    row.get_by_role("link").click()
    expect(page.get_by_text("Press the save button below to recover")).to_be_visible()
    # The form shows every language's name in its tabs, as the partner was.
    page.get_by_role("tab", name="ru").first.click()
    expect(page.locator("#id_name_ru")).to_have_value(NAMES["ru"])
    page.get_by_role("button", name="Save", exact=True).first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")

    restored = Partner.objects.get(slug="charite")
    assert restored.logo.name == logo_name
    assert restored.logo.storage.exists(logo_name)
    for language, name in NAMES.items():
        page.goto(partners_page(live_server, language))
        card = page.locator(".card").filter(has=page.get_by_role("link", name=name))
        expect(card).to_have_count(1)
        expect(card.locator("img.partner-card__logo")).to_have_attribute(
            "src", restored.logo_128.url
        )
