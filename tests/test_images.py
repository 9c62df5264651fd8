"""Images visitors see: uploads validated with messages staff understand, stored without
metadata, described in every language before they are published, and described on the page."""

import datetime
import io
import os
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image, ImageCms

from events.models import Event, EventPhoto
from partners.models import Partner
from samsmu_intl.department.models import StaffMember
from samsmu_intl.images.uploads import MAX_BYTES, MAX_PIXELS
from tests.admin_forms import partner_form

GPS_IFD = 0x8825
ORIENTATION = 0x0112


def image_bytes(size=(40, 30), image_format="PNG", mode="RGB", **options):
    buffer = io.BytesIO()
    Image.new(mode, size, "white" if mode != "1" else 1).save(buffer, image_format, **options)
    return buffer.getvalue()


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def post_logo(admin_client, logo):
    return admin_client.post(reverse("admin:partners_partner_add"), partner_form(logo=logo))


# Validation ----------------------------------------------------------------------------------


def test_svg_is_refused_with_its_own_message(admin_client, db):
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = post_logo(admin_client, upload("logo.svg", svg, "image/svg+xml"))
    assert response.status_code == 200
    assert "SVG images are not accepted, as they can contain scripts." in response.content.decode()
    assert not Partner.objects.exists()


def test_bytes_that_are_not_an_image_named_jpg_are_refused(admin_client, db):
    response = post_logo(admin_client, upload("photo.jpg", b"MZ\x90\x00 not a picture" * 50))
    assert "This file is not an image, or it is damaged." in response.content.decode()
    assert not Partner.objects.exists()


@pytest.mark.parametrize("image_format", ["PNG", "JPEG"])
def test_truncated_image_is_refused(admin_client, db, image_format):
    noise = Image.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, image_format)
    whole = buffer.getvalue()
    response = post_logo(
        admin_client, upload(f"logo.{image_format.lower()}", whole[: len(whole) // 2])
    )
    assert "This file is not an image, or it is damaged." in response.content.decode()
    assert not Partner.objects.exists()


def test_image_with_too_many_pixels_is_refused(admin_client, db):
    # 42 million one-bit pixels: a small file that would take a lot of memory to decode.
    big = image_bytes((7000, 6000), "PNG", mode="1")
    assert len(big) < MAX_BYTES and MAX_PIXELS < 7000 * 6000
    response = post_logo(admin_client, upload("logo.png", big))
    html = response.content.decode()
    assert "The image is 7000 × 6000 pixels, too many. Upload one of at most 40 megapixels." in html
    assert not Partner.objects.exists()


def test_file_over_the_size_limit_is_refused(admin_client, db):
    noise = Image.frombytes("RGB", (1700, 1700), os.urandom(1700 * 1700 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "PNG", compress_level=0)
    assert buffer.tell() > MAX_BYTES
    response = post_logo(admin_client, upload("logo.png", buffer.getvalue()))
    html = response.content.decode()
    assert "The file is too large (8.3\xa0MB). Upload an image of at most 8.0\xa0MB." in html
    assert not Partner.objects.exists()


def test_gif_is_refused(admin_client, db):
    response = post_logo(admin_client, upload("logo.gif", image_bytes(image_format="GIF")))
    html = response.content.decode()
    assert "Upload a JPEG, PNG or WebP image." in html
    assert not Partner.objects.exists()


@pytest.mark.parametrize(("name", "image_format"), [("a.jpg", "JPEG"), ("a.webp", "WEBP")])
def test_jpeg_and_webp_are_accepted(admin_client, db, name, image_format):
    response = post_logo(admin_client, upload(name, image_bytes(image_format=image_format)))
    assert response.status_code == 302
    assert Partner.objects.get().logo.name.endswith(name.split(".")[1])


def test_invalid_image_assigned_in_code_fails_model_validation(db):
    from django.core.exceptions import ValidationError

    member = StaffMember(slug="x", name_en="X", position_en="Y")
    member.photo = upload("x.png", b"<svg></svg>")
    with pytest.raises(ValidationError) as error:
        member.full_clean()
    assert "photo" in error.value.message_dict


# Metadata -----------------------------------------------------------------------------------


def jpeg_with_gps_turned_on_its_side():
    """A 60×40 JPEG that a phone took held sideways (orientation 6: show it turned 90°
    clockwise), with a GPS position and an sRGB colour profile."""
    image = Image.new("RGB", (60, 40), "white")
    image.paste((255, 0, 0), (0, 0, 10, 40))  # a red stripe on the stored left edge
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[0x010F] = "PhoneMaker"  # Make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (39.0, 39.0, 16.0), 3: "E", 4: (66.0, 57.0, 0.0)})
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, icc_profile=icc, quality=95)
    return buffer.getvalue(), icc


def test_upload_through_the_admin_is_stored_upright_without_exif(admin_client, db):
    content, icc = jpeg_with_gps_turned_on_its_side()
    assert Image.open(io.BytesIO(content)).getexif().get_ifd(GPS_IFD)  # the test's own premise
    response = admin_client.post(
        reverse("admin:department_staffmember_add"),
        {
            "name_uz": "Ali",
            "name_ru": "Али",
            "name_en": "Ali",
            "slug": "ali",
            "position_uz": "Mutaxassis",
            "position_ru": "Специалист",
            "position_en": "Specialist",
            "photo": upload("IMG_0001.jpg", content, "image/jpeg"),
            "email": "",
            "phone": "",
            "status": "published",
            "order": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    member = StaffMember.objects.get()
    with member.photo.open("rb") as stored, Image.open(stored) as image:
        exif = image.getexif()
        assert not exif.get_ifd(GPS_IFD)
        assert 0x010F not in exif and ORIENTATION not in exif
        assert "exif" not in image.info
        assert image.info.get("icc_profile") == icc
        # Turned upright: 40 wide, 60 high, the red stripe now along the top.
        assert image.size == (40, 60)
        red, green, _blue = image.convert("RGB").getpixel((20, 3))
        assert red > 200 and green < 80
    assert (member.photo.width, member.photo.height) == (40, 60)


def test_png_assigned_in_code_loses_its_exif_too(db, make_event):
    exif = Image.Exif()
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (39.0, 39.0, 16.0)})
    event = make_event("with-cover", status=Event.Status.DRAFT)
    event.cover = upload("cover.png", image_bytes((80, 50), "PNG", exif=exif))
    event.save()
    with event.cover.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif().get_ifd(GPS_IFD)
        assert image.size == (80, 50)
    assert (event.cover_width, event.cover_height) == (80, 50)


def test_renditions_are_made_once_on_save(db, make_event):
    event = make_event("rendered", status=Event.Status.DRAFT)
    event.cover = upload("cover.png", image_bytes((1200, 800)))
    event.save()
    rendition = event.cover_480
    assert rendition.storage.exists(rendition.name)
    with rendition.storage.open(rendition.name) as file, Image.open(file) as image:
        assert image.format == "WEBP" and image.size == (480, 320)


# Alt text -----------------------------------------------------------------------------------


def event_form(**overrides):
    starts = timezone.localtime(timezone.now() + datetime.timedelta(days=10))
    ends = starts + datetime.timedelta(hours=2)
    form = {
        "slug": "spring-conference",
        "kind": "conference",
        "starts_at_0": starts.strftime("%Y-%m-%d"),
        "starts_at_1": starts.strftime("%H:%M:%S"),
        "ends_at_0": ends.strftime("%Y-%m-%d"),
        "ends_at_1": ends.strftime("%H:%M:%S"),
        "date_precision": "exact",
        "country": "",
        "partner": "",
        "join_url": "",
        "recording_url": "",
        "capacity": "",
        "registration_deadline_0": "",
        "registration_deadline_1": "",
        "waiting_list_hours": "24",
        "status": "published",
        "publish_from_0": "",
        "publish_from_1": "",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
    }
    for code, title in (
        ("uz", "Bahorgi anjuman"),
        ("ru", "Весенняя конференция"),
        ("en", "Spring"),
    ):
        form |= {
            f"title_{code}": title,
            f"summary_{code}": title,
            f"body_{code}": "",
            f"venue_{code}": "",
            f"city_{code}": "",
            f"host_name_{code}": "",
            f"cover_alt_{code}": "",
        }
    return form | overrides


def photo_form(index=0, **fields):
    form = {f"photos-{index}-order": "0", f"photos-{index}-id": "", f"photos-{index}-event": ""}
    for code in ("uz", "ru", "en"):
        form[f"photos-{index}-alt_{code}"] = ""
        form[f"photos-{index}-caption_{code}"] = ""
    return form | {f"photos-{index}-{name}": value for name, value in fields.items()}


def add_event(admin_client, form):
    return admin_client.post(reverse("admin:events_event_add"), form)


def test_publishing_with_a_cover_missing_alt_text_names_the_languages(admin_client, db):
    response = add_event(
        admin_client,
        event_form(cover=upload("cover.png", image_bytes()), cover_alt_uz="Talabalar auditoriyada"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Describe the picture in every language before publishing. Missing: Russian, English."
        in html
    )
    assert not Event.objects.exists()


def test_a_draft_may_wait_for_its_descriptions(admin_client, db):
    response = add_event(
        admin_client, event_form(cover=upload("cover.png", image_bytes()), status="draft")
    )
    assert response.status_code == 302
    assert Event.objects.get().status == Event.Status.DRAFT


def test_alt_text_that_is_the_file_name_is_refused_even_in_a_draft(admin_client, db):
    response = add_event(
        admin_client,
        event_form(
            cover=upload("IMG_2041.png", image_bytes()),
            cover_alt_uz="IMG_2041",
            cover_alt_ru="Студенты",
            cover_alt_en="img_2041.png",
            status="draft",
        ),
    )
    html = response.content.decode()
    assert html.count("its file name tells nothing to a visitor") == 2
    assert not Event.objects.exists()


def test_publishing_with_a_photo_missing_alt_text_is_refused(admin_client, db):
    form = event_form(
        **{"photos-TOTAL_FORMS": "1"},
        **photo_form(image=upload("p.png", image_bytes()), alt_uz="Delegatsiya", alt_en="Guests"),
    )
    response = add_event(admin_client, form)
    assert response.status_code == 200
    assert "Missing: Russian." in response.content.decode()
    assert not Event.objects.exists() and not EventPhoto.objects.exists()


def test_publishing_an_existing_draft_checks_its_photos(admin_client, make_event):
    event = make_event("draft", status=Event.Status.DRAFT)
    photo = EventPhoto.objects.create(
        event=event, image=upload("p.png", image_bytes()), alt_uz="Mehmonlar"
    )
    form = event_form(
        slug="draft",
        **{"photos-TOTAL_FORMS": "1", "photos-INITIAL_FORMS": "1"},
        **photo_form(id=str(photo.pk), event=str(event.pk), alt_uz="Mehmonlar"),
    )
    response = admin_client.post(reverse("admin:events_event_change", args=[event.pk]), form)
    assert "Missing: Russian, English." in response.content.decode()
    event.refresh_from_db()
    assert event.status == Event.Status.DRAFT

    form = form | {"photos-0-alt_ru": "Гости", "photos-0-alt_en": "Guests"}
    response = admin_client.post(reverse("admin:events_event_change", args=[event.pk]), form)
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED


ALTS = {"uz": "Talabalar auditoriyada", "ru": "Студенты в аудитории", "en": "Students in a hall"}


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_event_page_describes_its_images_in_the_page_language(client, make_event, language):
    event = make_event(
        "described",
        cover=upload("cover.png", image_bytes()),
        **{f"cover_alt_{code}": text for code, text in ALTS.items()},
    )
    EventPhoto.objects.create(
        event=event,
        image=upload("p.png", image_bytes()),
        **{f"alt_{code}": f"Photo: {text}" for code, text in ALTS.items()},
    )
    with translation.override(language):
        html = client.get(event.get_absolute_url()).content.decode()
    assert f'alt="{ALTS[language]}"' in html
    assert f'alt="Photo: {ALTS[language]}"' in html
    assert f'<meta property="og:image:alt" content="{ALTS[language]}">' in html
    assert not re.search(r'alt="[^"]*(cover|p)\.png', html)


@pytest.mark.parametrize(
    ("language", "alt"),
    [("uz", "Charite logotipi"), ("ru", "Логотип: Шарите"), ("en", "Logo of Charité")],
)
def test_partner_logo_is_described_by_its_name(client, make_partner, language, alt):
    partner = make_partner(
        "charite",
        name_uz="Charite",
        name_ru="Шарите",
        name_en="Charité",
        logo=upload("logo.png", image_bytes()),
    )
    with translation.override(language):
        html = client.get(partner.get_absolute_url()).content.decode()
    assert f'class="partner-header__logo" src="{partner.logo_240.url}" alt="{alt}"' in html
    assert f'<meta property="og:image:alt" content="{alt}">' in html


def test_staff_photo_is_described_by_the_persons_name(client, db):
    StaffMember.objects.create(
        slug="ali",
        name_en="Ali Valiyev",
        position_en="Specialist",
        status="published",
        photo=upload("DSC_0001.png", image_bytes()),
    )
    with translation.override("en"):
        html = client.get(reverse("department:team")).content.decode()
    assert 'alt="Ali Valiyev"' in html
    assert not re.search(r"alt=\"[^\"]*DSC_0001", html)


def test_admin_lists_and_forms_show_thumbnails(admin_client, make_event):
    event = make_event("thumbs", cover=upload("cover.png", image_bytes((600, 400))))
    EventPhoto.objects.create(
        event=event, image=upload("p.png", image_bytes()), **{f"alt_{c}": "x" for c in ALTS}
    )
    member = StaffMember.objects.create(
        slug="ali", name_en="Ali", position_en="P", photo=upload("a.png", image_bytes())
    )
    listing = admin_client.get(reverse("admin:events_event_changelist")).content.decode()
    assert f'src="{event.cover_480.url}"' in listing
    change = admin_client.get(reverse("admin:events_event_change", args=[event.pk]))
    html = change.content.decode()
    assert f'src="{event.cover_480.url}"' in html
    assert f'src="{event.photos.get().image_480.url}"' in html
    staff_list = admin_client.get(reverse("admin:department_staffmember_changelist"))
    assert f'src="{member.photo_160.url}"' in staff_list.content.decode()
    staff_change = admin_client.get(
        reverse("admin:department_staffmember_change", args=[member.pk])
    )
    assert f'src="{member.photo_160.url}"' in staff_change.content.decode()


def test_a_truncated_photo_is_refused_after_a_certificate_was_drawn(admin_client, db):
    """WeasyPrint's import turns on Pillow's process-wide LOAD_TRUNCATED_IMAGES; a worker that
    has drawn a certificate must still refuse half an uploaded photo."""
    from samsmu_intl.certificates.pdf import _weasyprint_html

    _weasyprint_html()
    noise = Image.frombytes("RGB", (200, 200), os.urandom(200 * 200 * 3))
    buffer = io.BytesIO()
    noise.save(buffer, "JPEG")
    whole = buffer.getvalue()
    response = post_logo(admin_client, upload("logo.jpg", whole[: len(whole) // 2]))
    assert "This file is not an image, or it is damaged." in response.content.decode()
    assert not Partner.objects.exists()
