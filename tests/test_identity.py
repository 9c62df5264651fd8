"""The site's identity, edited by staff: the university's names in three languages and its
emblem (PNG or WebP, checked by its bytes) in the header, as the sharing picture and the icon;
the home page's photo; and what every page shows before staff upload anything."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from partners.models import Partner
from samsmu_intl.department.models import Department, LandingSection
from samsmu_intl.operations.seed_content import LANDING
from tests.admin_forms import form_data

SEED_NAMES = {
    "uz": ("Samarqand davlat tibbiyot universiteti", "SamDTU"),
    "ru": ("Самаркандский государственный медицинский университет", "СамГМУ"),
    "en": ("Samarkand State Medical University", "SamSMU"),
}


def image_bytes(image_format="PNG", size=(600, 600), mode="RGBA"):
    buffer = io.BytesIO()
    color = (11, 74, 125, 255) if mode == "RGBA" else (11, 74, 125)
    Image.new(mode, size, color).save(buffer, image_format)
    return buffer.getvalue()


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def page(client, name="department:landing", language="en", **kwargs):
    with translation.override(language):
        response = client.get(reverse(name, kwargs=kwargs or None))
    assert response.status_code == 200
    return response.content.decode()


def meta(html, prop):
    match = re.search(rf'<meta (?:property|name)="{re.escape(prop)}" content="([^"]*)"', html)
    return match and match.group(1)


def header(html):
    return re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)


def change_url():
    return reverse("admin:department_department_change", args=[Department.SINGLETON_PK])


def post_department(admin_client, **changes):
    data = form_data(admin_client.get(change_url()))
    data.update(changes)
    return admin_client.post(change_url(), data)


def with_emblem():
    department = Department.load()
    department.emblem = upload("emblem.png", image_bytes())
    department.save()
    return department


# Staff edit it -------------------------------------------------------------------------------


def test_identity_fields_are_in_the_admin_in_three_languages(admin_client, seeded):
    html = admin_client.get(change_url()).content.decode()
    for code in ("uz", "ru", "en"):
        assert f'name="university_name_{code}"' in html
        assert f'name="university_short_name_{code}"' in html
        assert f'name="hero_photo_alt_{code}"' in html
    assert 'type="file" name="emblem"' in html and 'accept="image/*"' in html
    assert 'type="file" name="hero_photo"' in html


def test_names_staff_write_show_in_the_header_and_footer(admin_client, client, seeded):
    response = post_department(
        admin_client,
        university_name_en="Samarkand State Medical University named after Abu Ali ibn Sino",
        university_short_name_en="SamMU",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    html = page(client)
    assert "Samarkand State Medical University named after Abu Ali ibn Sino" in header(html)
    assert ">SamMU</span>" in header(html)
    # The header, the footer's contacts, its copyright line and the structured data.
    assert html.count("named after Abu Ali ibn Sino") == 4


def test_emblem_uploaded_in_the_admin_is_shown_in_the_header(admin_client, client, seeded):
    response = post_department(admin_client, emblem=upload("emblem.png", image_bytes()))
    assert response.status_code == 302
    department = Department.load()
    assert department.emblem.name.startswith("identity/")
    html = header(page(client))
    assert f'<img class="brand__mark" src="{department.emblem_96.url}"' in html
    assert "brand__mark--plain" not in html
    with Image.open(department.emblem_96.path) as icon:
        assert icon.format == "PNG" and icon.size == (96, 96)


@pytest.mark.parametrize("name", ["emblem.png", "emblem.webp"])
def test_emblem_in_png_or_webp_is_accepted(admin_client, seeded, name):
    image_format = name.rsplit(".", 1)[1].upper()
    response = post_department(admin_client, emblem=upload(name, image_bytes(image_format)))
    assert response.status_code == 302
    assert Department.load().emblem


def test_emblem_in_jpeg_is_refused_with_the_reason(admin_client, seeded):
    jpeg = image_bytes("JPEG", mode="RGB")
    response = post_department(admin_client, emblem=upload("emblem.jpg", jpeg, "image/jpeg"))
    assert response.status_code == 200
    assert "Images in JPEG are not accepted here. Upload a PNG or WebP image" in (
        response.content.decode()
    )
    assert not Department.load().emblem


def test_jpeg_named_png_is_refused_by_its_bytes(admin_client, seeded):
    jpeg = image_bytes("JPEG", mode="RGB")
    response = post_department(admin_client, emblem=upload("emblem.png", jpeg))
    assert "Images in JPEG are not accepted here." in response.content.decode()
    assert not Department.load().emblem


def test_emblem_that_is_not_an_image_or_is_svg_is_refused(admin_client, seeded):
    response = post_department(admin_client, emblem=upload("emblem.png", b"MZ\x90\x00" * 300))
    assert "This file is not an image, or it is damaged." in response.content.decode()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = post_department(admin_client, emblem=upload("emblem.svg", svg, "image/svg+xml"))
    assert "SVG images are not accepted, as they can contain scripts." in (
        response.content.decode()
    )
    assert not Department.load().emblem


def test_emblem_message_is_translated_for_staff(admin_client, seeded):
    admin_client.cookies["django_language"] = "ru"
    jpeg = image_bytes("JPEG", mode="RGB")
    response = post_department(admin_client, emblem=upload("emblem.jpg", jpeg, "image/jpeg"))
    assert "Изображения в формате JPEG здесь не принимаются." in response.content.decode()


# Before staff upload anything ----------------------------------------------------------------


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_seed_names_and_a_plain_mark_without_an_emblem(client, seeded, language):
    full, short = SEED_NAMES[language]
    html = page(client, language=language)
    assert f'<span class="brand__mark brand__mark--plain" aria-hidden="true">{short[0]}</span>' in (
        header(html)
    )
    assert f">{full}</span>" in header(html) and f">{short}</span>" in header(html)


def test_glossary_names_show_before_the_seed_ran(client, db):
    assert not Department.objects.exists()
    html = header(page(client, language="ru"))
    assert ">Самаркандский государственный медицинский университет</span>" in html
    assert ">СамГМУ</span>" in html


def test_name_missing_in_one_language_shows_another_marked_with_its_language(client, seeded):
    Department.objects.update(university_name_uz="", university_name_ru="")
    html = header(page(client, language="uz"))
    assert '<span class="brand__university brand__university--full" lang="ru"' not in html
    assert (
        '<span class="brand__university brand__university--full" lang="en">'
        "Samarkand State Medical University</span>"
    ) in html


def test_without_an_emblem_the_default_picture_and_icon(client, seeded):
    html = page(client, "partners:list")
    assert meta(html, "og:image") == "http://testserver/static/img/og-default.png"
    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/img/favicon.svg"


# With the emblem -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "language, alt",
    [
        ("en", "Emblem of Samarkand State Medical University"),
        ("ru", "Эмблема: Самаркандский государственный медицинский университет"),
        ("uz", "Samarqand davlat tibbiyot universiteti gerbi"),
    ],
)
def test_emblem_is_the_sharing_picture_and_the_icon(client, seeded, language, alt):
    department = with_emblem()
    html = page(client, "partners:list", language)
    assert meta(html, "og:image") == f"http://testserver{department.emblem_512.url}"
    assert meta(html, "og:image:alt") == alt
    assert f'<link rel="icon" href="{department.emblem_96.url}" type="image/png">' in html
    assert f'<link rel="apple-touch-icon" href="{department.emblem_192.url}">' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == department.emblem_96.url


def test_a_page_with_its_own_picture_keeps_it_over_the_emblem(client, seeded, make_partner):
    with_emblem()
    partner = make_partner("with-logo")
    partner.logo = upload("logo.png", image_bytes())
    partner.save()
    html = page(client, "partners:detail", slug="with-logo")
    logo = Partner.objects.get(slug="with-logo").logo
    assert meta(html, "og:image") == f"http://testserver{logo.url}"


def test_emblem_is_the_university_logo_in_structured_data(client, seeded):
    department = with_emblem()
    html = page(client)
    assert f'"logo": "http://testserver{department.emblem_512.url}"' in html
    assert '"alternateName": "SamSMU"' in html


# The home page's photo -----------------------------------------------------------------------


def test_home_page_is_complete_without_a_photo(client, seeded):
    html = page(client)
    assert "hero__photo" not in html
    assert '<div class="hero">' in html
    with translation.override("en"):
        assert f'href="{reverse("partners:list")}">Our partners</a>' in html
        assert f'href="{reverse("applicants:guide")}">For applicants</a>' in html


def test_home_page_photo_in_webp_at_three_widths_with_its_description(admin_client, client, seeded):
    photo = upload("campus.jpg", image_bytes("JPEG", size=(2000, 1125), mode="RGB"), "image/jpeg")
    response = post_department(
        admin_client,
        hero_photo=photo,
        hero_photo_alt_uz="Universitetning bosh binosi",
        hero_photo_alt_ru="Главный корпус университета",
        hero_photo_alt_en="The university's main building",
    )
    assert response.status_code == 302
    department = Department.load()
    html = page(client, language="ru")
    img = re.search(r'<img class="hero__photo"[^>]*>', html, re.S).group(0)
    for width in (640, 1024, 1600):
        rendition = getattr(department, f"hero_photo_{width}")
        assert f"{rendition.url} {width}w" in img
        with Image.open(rendition.path) as picture:
            assert picture.format == "WEBP" and picture.width == width
    # A phone chooses between the two small ones only, whatever its pixel density.
    phone = re.search(r'<source media="\(max-width: 40rem\)"[^>]*>', html, re.S).group(0)
    assert f"{department.hero_photo_640.url} 640w, {department.hero_photo_800.url} 800w" in phone
    assert "1024w" not in phone
    assert 'alt="Главный корпус университета"' in img
    assert 'width="2000" height="1125"' in img
    assert 'class="hero hero--photo"' in html


def test_home_page_photo_needs_its_description_in_every_language(admin_client, seeded):
    photo = upload("campus.png", image_bytes(size=(800, 450), mode="RGB"))
    response = post_department(
        admin_client,
        hero_photo=photo,
        hero_photo_alt_uz="",
        hero_photo_alt_ru="",
        hero_photo_alt_en="Campus",
    )
    assert response.status_code == 200
    assert "Describe the picture in every language before publishing." in response.content.decode()
    assert not Department.load().hero_photo


def test_identity_and_photo_cost_no_query(client, seeded, django_assert_num_queries):
    department = with_emblem()
    department.hero_photo = upload("campus.png", image_bytes(size=(800, 450), mode="RGB"))
    department.hero_photo_alt_en = department.hero_photo_alt_ru = "Campus"
    department.hero_photo_alt_uz = "Kampus"
    department.save()
    # The department row (identity, heading, photo, footer), sections, figures, upcoming events,
    # mobility news, the latest news articles: as many as without them.
    with django_assert_num_queries(6):
        html = page(client)
    assert "hero__photo" in html and "brand__mark--plain" not in html


# The figures and the text agree --------------------------------------------------------------


def test_seed_text_names_no_number_of_partners_the_figures_would_contradict(client, seeded):
    texts = [LANDING["lead"], *(section["body"] for section in LANDING["sections"])]
    for text in texts:
        for language, words in text.items():
            assert not re.search(r"more than \d|более чем с \d|\d+ dan ortiq|\b60\b", words), (
                language,
                words,
            )
    for section in LandingSection.objects.all():
        assert "60" not in section.body_ru + section.body_uz + section.body_en
    html = page(client)
    assert "more than 60" not in html
    assert "<strong>2</strong> partner institutions" in html
