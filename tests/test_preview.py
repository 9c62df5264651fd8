"""The staff's preview of drafts: who may see it, in which language, and that it stays out of
search engines and the page cache."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Event
from partners.models import Partner, Program
from samsmu_intl.department.models import Department, LandingSection, StaffMember

NAMES = {"uz": "Berlin universiteti", "ru": "Берлинский университет", "en": "Berlin University"}


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def draft_partner(make_partner):
    return make_partner(
        "berlin",
        status=Partner.Status.DRAFT,
        name_uz=NAMES["uz"],
        name_ru=NAMES["ru"],
        name_en=NAMES["en"],
    )


@pytest.fixture
def editor(client, django_user_model):
    """Staff allowed to view partners, nothing more (not a superuser)."""
    user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_partner"))
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_staff_preview_a_draft_in_each_language(editor, draft_partner, language):
    response = editor.get(url("partners:preview", language, pk=draft_partner.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert re.search(rf"<h1>{NAMES[language]}</h1>", html)
    for other in {"uz", "ru", "en"} - {language}:
        assert f"<h1>{NAMES[other]}</h1>" not in html
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert 'class="preview-banner"' in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    # The public page of the same draft is still not found, even for staff.
    assert editor.get(url("partners:detail", language, slug="berlin")).status_code == 404


def test_banner_says_draft_or_when_it_is_scheduled(admin_client, draft_partner):
    html = admin_client.get(url("partners:preview", pk=draft_partner.pk)).content.decode()
    assert "Preview: not visible to visitors (draft)." in html

    draft_partner.status = Partner.Status.PUBLISHED
    draft_partner.publish_from = timezone.make_aware(datetime.datetime(2031, 3, 5, 9, 30))
    draft_partner.save()
    html = admin_client.get(url("partners:preview", pk=draft_partner.pk)).content.decode()
    assert "Preview: not visible to visitors (scheduled for" in html
    assert "2031" in html.split('class="preview-banner"')[1].split("</p>")[0]

    draft_partner.publish_from = None
    draft_partner.save()
    html = admin_client.get(url("partners:preview", pk=draft_partner.pk)).content.decode()
    assert "Preview: this is published and visible to visitors." in html


@pytest.mark.parametrize("language", ["uz", "ru", "en"])
def test_anonymous_visitors_get_404(client, draft_partner, language):
    assert client.get(url("partners:preview", language, pk=draft_partner.pk)).status_code == 404


def test_logged_in_non_staff_get_404_even_with_the_permission(
    client, django_user_model, draft_partner
):
    user = django_user_model.objects.create_user("visitor", password="x")
    user.user_permissions.add(Permission.objects.get(codename="view_partner"))
    client.force_login(user)
    assert client.get(url("partners:preview", pk=draft_partner.pk)).status_code == 404


def test_staff_without_view_permission_on_the_model_get_404(editor, make_event):
    event = make_event("draft-event", status=Event.Status.DRAFT)
    assert editor.get(url("events:preview", pk=event.pk)).status_code == 404


def test_unknown_item_is_404(admin_client, db):
    assert admin_client.get(url("partners:preview", pk=999)).status_code == 404


def test_preview_never_enters_the_page_cache(admin_client, client, draft_partner):
    preview = url("partners:preview", pk=draft_partner.pk)
    assert admin_client.get(preview).status_code == 200
    assert not admin_client.get(preview).wsgi_request.__dict__.get("page_cache_key")
    # An anonymous visitor right after still gets nothing.
    assert client.get(preview).status_code == 404


def test_scheduled_event_preview_shows_its_photos_text_and_banner(admin_client, make_event):
    event = make_event(
        "future-conference",
        title_ru="Будущая конференция",
        status=Event.Status.PUBLISHED,
        publish_from=timezone.now() + datetime.timedelta(days=3),
    )
    public = admin_client.get(url("events:detail", "ru", slug=event.slug))
    assert public.status_code == 404
    html = admin_client.get(url("events:preview", "ru", pk=event.pk)).content.decode()
    assert "<h1>Будущая конференция</h1>" in html
    assert 'class="preview-banner"' in html


def test_program_preview(admin_client, make_program):
    program = make_program("draft-program", status=Program.Status.DRAFT, title_uz="Qoralama dastur")
    html = admin_client.get(url("partners:program-preview", "uz", pk=program.pk)).content.decode()
    assert "<h1>Qoralama dastur</h1>" in html


def test_staff_entry_preview_shows_the_team_with_this_person(admin_client, db):
    StaffMember.objects.create(
        slug="published", name_en="Published Person", position_en="Head", status="published"
    )
    draft = StaffMember.objects.create(
        slug="new", name_en="New Colleague", position_en="Assistant", status="draft"
    )
    StaffMember.objects.create(
        slug="other-draft", name_en="Other Draft", position_en="Assistant", status="draft"
    )
    html = admin_client.get(url("department:team-preview", pk=draft.pk)).content.decode()
    assert "New Colleague" in html and "Published Person" in html
    assert "Other Draft" not in html
    assert "Preview: not visible to visitors (draft)." in html
    assert "New Colleague" not in admin_client.get(url("department:team")).content.decode()


def test_landing_preview_shows_draft_sections(admin_client, seeded):
    LandingSection.objects.create(
        department=Department.load(), heading_en="Coming soon", body_en="Text.", status="draft"
    )
    assert "Coming soon" not in admin_client.get(url("department:landing")).content.decode()
    html = admin_client.get(url("department:landing-preview")).content.decode()
    assert "Coming soon" in html
    assert 'class="preview-banner"' in html


def test_change_page_links_to_the_preview_in_each_language_and_to_the_site(
    admin_client, draft_partner
):
    html = admin_client.get(
        reverse("admin:partners_partner_change", args=[draft_partner.pk])
    ).content.decode()
    for language, autonym in (("uz", "Oʻzbekcha"), ("ru", "Русский"), ("en", "English")):
        link = url("partners:preview", language, pk=draft_partner.pk)
        assert f'href="{link}"' in html
        assert f"Preview in {autonym}" in html
    assert "View on site" in html


CHANGE_PAGES = [
    ("partners", "partner", "partners:preview"),
    ("partners", "program", "partners:program-preview"),
    ("events", "event", "events:preview"),
    ("department", "staffmember", "department:team-preview"),
]


@pytest.mark.parametrize(("app", "model", "preview"), CHANGE_PAGES)
def test_every_content_change_page_has_view_on_site_and_preview(
    admin_client, make_partner, make_program, make_event, app, model, preview
):
    items = {
        "partner": lambda: make_partner("p"),
        "program": lambda: make_program("pr"),
        "event": lambda: make_event("e"),
        "staffmember": lambda: StaffMember.objects.create(slug="s", name_en="S", position_en="P"),
    }
    item = items[model]()
    html = admin_client.get(reverse(f"admin:{app}_{model}_change", args=[item.pk])).content.decode()
    assert "View on site" in html
    assert f'href="{url(preview, "ru", pk=item.pk)}"' in html


def test_department_and_forms_of_cooperation_have_view_on_site(admin_client, seeded):
    from partners.models import CooperationForm

    html = admin_client.get(
        reverse("admin:department_department_change", args=[Department.SINGLETON_PK])
    )
    assert "View on site" in html.content.decode()
    assert f'href="{url("department:landing-preview", "uz")}"' in html.content.decode()
    form = CooperationForm.objects.first()
    html = admin_client.get(reverse("admin:partners_cooperationform_change", args=[form.pk]))
    assert "View on site" in html.content.decode()
    with translation.override("en"):
        listing = admin_client.get(form.get_absolute_url())
    assert listing.status_code == 200
    assert f'value="{form.slug}" selected' in listing.content.decode()
