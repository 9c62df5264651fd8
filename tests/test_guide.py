"""The editors' guide in the admin: it reads in each staff member's language, every form links to
its own section, every help text is translated, and its pictures are the ones `make
guide-images` makes."""

import re
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.contrib import admin
from django.template.loader import get_template
from django.urls import reverse
from django.utils import translation

from samsmu_intl.editorial.guide import MODEL_SECTIONS, SECTION_BY_SLUG, SECTIONS
from tests.admin_english import content_of_the_database, untranslated
from tests.admin_objects import fill_with_inlines, registered
from tests.conftest import LANGUAGES
from tests.second_factor import sign_in

ROOT = Path(settings.BASE_DIR)
GUIDE_TEMPLATES = ROOT / "templates" / "admin" / "guide"
PICTURES = ROOT / "static" / "img" / "guide"
MAX_PICTURE_BYTES = 60 * 1024
PICTURE = re.compile(r'"admin/guide/picture.html" with name="([\w-]+)"')
GUIDE_LINK = re.compile(r'<p class="guide-link"><a href="([^"#]+)#([\w-]+)">')


def read_guide(client, language):
    client.cookies["django_language"] = language
    response = client.get(reverse("admin-guide"))
    assert response.status_code == 200, language
    return response.content.decode()


@pytest.fixture(params=["superuser", "editor"])
def staff_client(request, client, admin_user, editor):
    user = admin_user if request.param == "superuser" else editor
    sign_in(client, user)
    return client


def test_the_guide_reads_in_each_language_for_editors_and_superusers(staff_client):
    english = read_guide(staff_client, "en")
    content = content_of_the_database()
    for language in LANGUAGES:
        html = read_guide(staff_client, language)
        assert f'<html lang="{language}"' in html
        with translation.override(language):
            for section in SECTIONS:
                assert f'<section id="{section.slug}"' in html
                assert f">{section.title}</h2>" in html, (language, section.slug)
        if language != "en":
            assert untranslated(html, english, content, language) == [], language


def test_the_guide_quotes_the_limits_the_site_enforces(admin_client):
    from samsmu_intl.images.uploads import MAX_BYTES, MAX_PIXELS

    html = read_guide(admin_client, "en").replace("\xa0", " ")
    assert f"at most {MAX_BYTES // 2**20}.0 MB and {MAX_PIXELS // 10**6} megapixels" in html
    assert f"After {settings.AXES_FAILURE_LIMIT} failed sign-ins" in html


def test_the_guide_runs_a_fixed_number_of_queries(
    admin_client, make_partner, django_assert_num_queries
):
    """The session, its user, their second factor and the admin frame's one question (whether
    the department exists): the guide's text reads no content."""
    make_partner("charite")
    with django_assert_num_queries(4):
        read_guide(admin_client, "uz")


def test_the_guide_is_for_staff_only(client, django_user_model):
    guide = reverse("admin-guide")
    assert client.get(guide)["Location"].startswith(reverse("admin:login"))
    visitor = django_user_model.objects.create_user("visitor", password="a long passphrase 1")
    client.force_login(visitor)
    response = client.get(guide)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


def test_every_admin_page_header_and_the_dashboard_link_to_the_guide(admin_client):
    guide = reverse("admin-guide")
    home = admin_client.get(reverse("admin:index")).content.decode()
    assert home.count(f'href="{guide}"') == 2  # the header's links and the dashboard
    partners = admin_client.get(reverse("admin:partners_partner_changelist")).content.decode()
    assert f'<a href="{guide}">Guide</a>' in partners


def test_every_registered_model_has_a_section_of_the_guide():
    labels = {model._meta.label_lower for model in admin.site._registry}
    assert sorted(labels - MODEL_SECTIONS.keys()) == []
    for slug in MODEL_SECTIONS.values():
        assert slug in SECTION_BY_SLUG
    for section in SECTIONS:
        get_template(section.template)


@pytest.mark.parametrize(
    "model_admin", [model_admin for _model, model_admin in registered()], ids=str
)
def test_every_change_page_links_to_its_section_of_the_guide(admin_client, model_admin):
    obj = fill_with_inlines(model_admin)
    opts = model_admin.model._meta
    change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    html = admin_client.get(change).content.decode()
    link = GUIDE_LINK.search(html)
    assert link, change
    page, anchor = link.groups()
    assert anchor == MODEL_SECTIONS[opts.label_lower]
    target = admin_client.get(page)
    assert target.status_code == 200
    assert f'id="{anchor}"' in target.content.decode()


# What visitors fill in themselves (a registration, a message) is read by staff, not visitors;
# accounts and sign-in records are the admin's own.
NOT_FOR_VISITORS = {"events.registration", "department.inquiry", "auth", "axes"}


def forms_editors_fill(user):
    """(model label, form) of every add form of the content admins, and of their inline rows."""
    from tests.admin_objects import request_as

    request = request_as(user)
    for model, model_admin in registered():
        label = model._meta.label_lower
        if label in NOT_FOR_VISITORS or model._meta.app_label in NOT_FOR_VISITORS:
            continue
        yield label, model_admin.get_form(request)
        for inline in model_admin.get_inline_instances(request):
            yield inline.model._meta.label_lower, inline.get_formset(request).form


def test_every_field_editors_fill_for_visitors_has_a_help_text(admin_user):
    without = [
        f"{label}.{name}"
        for label, form in forms_editors_fill(admin_user)
        for name, field in form.base_fields.items()
        if not field.help_text and not field.widget.is_hidden and name != "DELETE"
    ]
    assert without == []


def model_help_texts():
    """(model, field, English help text) of every field of our apps' models."""
    from django.apps import apps

    ours = [ROOT / "partners", ROOT / "events", ROOT / "samsmu_intl"]
    found = []
    for model in apps.get_models():
        if not any(Path(model.__module__.replace(".", "/")).parts[0] in p.parts for p in ours):
            continue
        for field in model._meta.get_fields():
            help_text = getattr(field, "help_text", "")
            if help_text:
                with translation.override("en"):
                    found.append((model._meta.label, field.name, str(help_text)))
    return found


def test_every_help_text_is_translated_in_the_catalogues():
    texts = model_help_texts()
    assert len(texts) > 100
    for language in ("uz", "ru"):
        catalogue = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
        translated = {
            e.msgid for e in catalogue if e.msgstr and "fuzzy" not in e.flags and not e.obsolete
        }
        missing = sorted({f"{m}.{f}: {t}" for m, f, t in texts if t not in translated})
        assert missing == [], language


def pictures_the_guide_shows():
    names = set()
    for template in GUIDE_TEMPLATES.glob("*.html"):
        names.update(PICTURE.findall(template.read_text()))
    return sorted(names)


def is_small_webp(path):
    data = path.read_bytes()
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP" and len(data) <= MAX_PICTURE_BYTES


def test_every_picture_of_the_guide_exists_as_a_small_webp_in_each_language():
    names = pictures_the_guide_shows()
    assert len(names) >= 5
    for language in LANGUAGES:
        for name in names:
            path = PICTURES / language / f"{name}.webp"
            assert path.exists() and is_small_webp(path), path


@pytest.mark.system
@pytest.mark.browser
def test_make_guide_images_makes_the_pictures_the_guide_shows(tmp_path):
    generator = [sys.executable, "-m", "samsmu_intl.editorial.guide_images"]
    subprocess.run(
        [*generator, "--language", "ru", "--out", str(tmp_path)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=240,
    )
    made = sorted(path.stem for path in (tmp_path / "ru").glob("*.webp"))
    assert made == pictures_the_guide_shows()
    assert all(is_small_webp(path) for path in (tmp_path / "ru").glob("*.webp"))
