import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation
from PIL import Image

from samsmu_intl.department.models import StaffMember


def team(client, language="en"):
    with translation.override(language):
        return client.get(reverse("department:team"))


def make_member(slug, order, status=StaffMember.Status.PUBLISHED, **fields):
    return StaffMember.objects.create(
        slug=slug,
        order=order,
        status=status,
        name_en=fields.pop("name_en", slug.title()),
        position_en=fields.pop("position_en", "Assistant"),
        **fields,
    )


def png_upload(name="photo.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 40), "navy").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize(
    ("language", "name", "position"),
    [
        ("uz", "N. N. Shavazi", "Boʻlim boshligʻi"),
        ("ru", "Н. Н. Шавази", "Начальник отдела"),
        ("en", "N. N. Shavazi", "Head of the department"),
    ],
)
def test_seeded_staff_in_each_language(client, seeded, language, name, position):
    html = team(client, language).content.decode()
    assert name in html
    assert position in html
    assert html.index("Shavazi" if language != "ru" else "Шавази") < html.index(
        "Atayeva" if language != "ru" else "Атаева"
    )


def test_staff_appear_in_the_order_staff_set(client, db):
    make_member("second", order=20)
    make_member("first", order=10)
    make_member("third", order=30)
    html = team(client).content.decode()
    assert html.index("First") < html.index("Second") < html.index("Third")


def test_drafts_and_future_entries_are_hidden(client, db):
    make_member("visible", order=1)
    make_member("draft", order=2, status=StaffMember.Status.DRAFT)
    make_member("later", order=3, publish_from=timezone.now() + timezone.timedelta(hours=1))
    html = team(client).content.decode()
    assert "Visible" in html
    assert "Draft" not in html
    assert "Later" not in html


def test_card_shows_photo_and_contacts(client, db):
    make_member(
        "atayeva",
        order=1,
        name_en="F. N. Atayeva",
        email="intl@example.uz",
        phone="+998 66 233 00 00",
        photo=png_upload(),
    )
    html = team(client).content.decode()
    assert 'id="atayeva"' in html
    assert 'alt="F. N. Atayeva"' in html
    assert re.search(r"src=\"/media/renditions/staff/photo[^\"]*\.webp\"", html)
    assert '<a href="mailto:intl@example.uz">' in html
    assert '<a href="tel:+998662330000">' in html


def test_missing_position_translation_falls_back_marked(client, db):
    StaffMember.objects.create(
        slug="x", status="published", name_uz="X", position_uz="Assistent", position_en=""
    )
    html = team(client, "en").content.decode()
    assert '<p class="person-card__position" lang="uz">Assistent</p>' in html


def test_empty_team_says_so(client, db):
    assert "The team page is being prepared." in team(client).content.decode()


def test_team_query_count_is_fixed(client, db, django_assert_num_queries):
    for number in range(40):
        make_member(f"person-{number}", order=number)
    # Staff list and the footer's department row.
    with django_assert_num_queries(2):
        team(client)
