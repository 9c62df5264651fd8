"""How the site looks on a phone, measured in a real headless Chromium: the header's height, the
first partner in the first screen, the menu without JavaScript, and the fonts a page loads."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image
from playwright.sync_api import expect

from events.models import Event
from samsmu_intl.department.models import Department
from tests.public_pages import LANGUAGES, PUBLIC_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
MAX_HEADER_HEIGHT = 130
MAX_FONT_BYTES = 150 * 1024


@pytest.fixture
def site(live_server, public_site):
    return live_server.url


def page_url(site, name, language, **kwargs):
    with translation.override(language):
        return site + reverse(name, kwargs=kwargs or None)


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_javascript(browser):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=False
    )
    yield context.new_page()
    context.close()


def box(page, selector):
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_is_at_most_130_px_tall_on_a_phone(phone, site, language):
    for name in ("department:landing", "partners:list", "applicants:guide"):
        phone.goto(page_url(site, name, language))
        phone.evaluate("document.fonts.ready")
        header = box(phone, ".site-header")
        assert header["height"] <= MAX_HEADER_HEIGHT, (name, header)
        # Name, language switcher and menu button are all in it, none cut off or off screen.
        for part in (".brand", ".language-switcher", ".menu__button"):
            part_box = box(phone, part)
            assert part_box["y"] + part_box["height"] <= header["height"], (name, part)
            assert part_box["x"] + part_box["width"] <= PHONE["width"], (name, part)
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_first_partner_starts_within_the_first_screen_on_a_phone(phone, site, language):
    phone.goto(page_url(site, "partners:list", language))
    phone.evaluate("document.fonts.ready")
    card = box(phone, ".partner-card")
    assert card["y"] < PHONE["height"], card
    # The filters are folded behind their button, and open from it.
    search = phone.locator("#filter-q")
    expect(search).to_be_hidden()
    phone.locator(".disclosure__button").click()
    expect(search).to_be_visible()


def test_filter_button_counts_the_filters_in_use(phone, site):
    phone.goto(page_url(site, "partners:list", "ru") + "?region=europe&kind=university")
    expect(phone.locator(".disclosure__button")).to_contain_text("Фильтр")
    expect(phone.locator(".disclosure__count")).to_have_text("2 выбрано")


def test_menu_opens_from_its_button_without_javascript(phone_without_javascript, site):
    page = phone_without_javascript
    page.goto(page_url(site, "department:landing", "uz"))
    menu = page.get_by_role("navigation", name="Asosiy menyu")
    expect(menu).to_be_hidden()
    page.get_by_text("Menyu", exact=True).click()
    expect(menu).to_be_visible()
    menu.get_by_role("link", name="Abituriyentlar uchun").click()
    expect(page).to_have_url(page_url(site, "applicants:guide", "uz"))
    expect(page.get_by_role("navigation", name="Asosiy menyu")).to_be_hidden()


def test_menu_is_an_open_bar_on_a_desktop_without_a_button(browser, site):
    for javascript in (True, False):
        context = browser.new_context(
            viewport={"width": 1366, "height": 900}, java_script_enabled=javascript
        )
        page = context.new_page()
        page.goto(page_url(site, "department:landing", "en"))
        expect(page.get_by_role("navigation", name="Main menu")).to_be_visible()
        expect(page.locator(".menu__button")).to_be_hidden()
        expect(page.locator("#filter-q")).to_have_count(0)
        page.goto(page_url(site, "partners:list", "en"))
        expect(page.locator("#filter-q")).to_be_visible()
        context.close()


def font_bytes(browser, url):
    """The woff2 files a page loads, by name, with their sizes: in a fresh browser context, so
    that nothing comes from the cache of the page before."""
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    loaded = {}

    def record(response):
        if response.url.endswith(".woff2"):
            loaded[response.url.rsplit("/", 1)[1]] = len(response.body())

    page.on("response", record)
    page.goto(url)
    page.evaluate("document.fonts.ready")
    page.wait_for_load_state("networkidle")
    context.close()
    return loaded


def test_every_page_loads_at_most_150_kb_of_fonts(browser, phone, site, make_partner):
    # A name with Latin Extended letters (Polish, Turkish) as well as Cyrillic on the Russian
    # pages: the heaviest mix the directory can make.
    make_partner(
        "poznan",
        name_en="Poznań University of Medical Sciences",
        name_ru="Познань",
        city_en="İzmir",
    )
    totals = {}
    for public_page in PUBLIC_PAGES:
        if not public_page.html or public_page.form:
            continue
        for language in LANGUAGES:
            path = public_page.path(language)
            loaded = font_bytes(browser, site + path)
            assert loaded, f"{path} loads no font"
            totals[path] = sum(loaded.values())
    assert max(totals.values()) <= MAX_FONT_BYTES, totals
    # The self-hosted face is the one in use, in its two weights.
    phone.goto(page_url(site, "partners:list", "ru"))
    phone.evaluate("document.fonts.ready")
    assert phone.evaluate("document.fonts.check('400 17px \"Noto Sans\"', 'Партнёры')")
    assert phone.evaluate("document.fonts.check('600 17px \"Noto Sans\"', 'Партнёры')")


def test_main_font_is_preloaded_and_swaps(phone, site):
    phone.goto(page_url(site, "department:landing", "uz"))
    preload = phone.locator('link[rel="preload"][as="font"]')
    expect(preload).to_have_count(1)
    assert preload.get_attribute("href").endswith("/fonts/noto-sans-latin-400.woff2")
    displays = phone.evaluate(
        "[...document.styleSheets].flatMap(s => [...s.cssRules])"
        ".filter(r => r instanceof CSSFontFaceRule).map(r => r.style.fontDisplay)"
    )
    assert displays and set(displays) == {"swap"}


def picture(image_format, mode="RGB"):
    buffer = io.BytesIO()
    Image.new(mode, (1600, 900), "teal").save(buffer, image_format)
    return SimpleUploadedFile(f"picture.{image_format.lower()}", buffer.getvalue())


def test_landing_page_with_its_pictures_fits_a_phone_and_passes_axe(phone, site):
    department = Department.load()
    department.emblem = picture("PNG", "RGBA")
    department.hero_photo = picture("JPEG")
    department.hero_photo_alt_uz = "Universitetning bosh binosi"
    department.hero_photo_alt_ru = "Главный корпус университета"
    department.hero_photo_alt_en = "The university's main building"
    department.save()
    for event in Event.objects.all():
        event.cover = picture("JPEG")
        event.cover_alt_uz = event.cover_alt_ru = event.cover_alt_en = "Delegates"
        event.save()
    wcag = {"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}
    for language in LANGUAGES:
        phone.goto(page_url(site, "department:landing", language))
        photo = box(phone, ".hero__photo")
        # Edge to edge under the header, 16:9, and the phone's rendition (640 or 800 wide).
        assert photo["x"] == 0 and photo["width"] == PHONE["width"]
        assert round(photo["height"]) == round(PHONE["width"] * 9 / 16)
        current = phone.locator(".hero__photo").evaluate("img => img.currentSrc")
        assert current in (department.hero_photo_640.url, department.hero_photo_800.url) or (
            current.endswith((department.hero_photo_640.url, department.hero_photo_800.url))
        )
        assert box(phone, ".site-header")["height"] <= MAX_HEADER_HEIGHT
        violations = [
            v["id"] for v in Axe().run(phone).response["violations"] if wcag & set(v["tags"])
        ]
        assert violations == [], language
