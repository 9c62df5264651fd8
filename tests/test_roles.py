"""The "International office editors" group, proved by requests as an editor: they keep the
content, delete drafts only, and reach neither accounts nor the registrations' export."""

import sys

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from partners.models import Partner
from tests.admin_forms import form_data
from tests.conftest import EDITORS_GROUP as GROUP

pytestmark = pytest.mark.usefixtures("editors_group")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    client.cookies["django_language"] = "en"
    return client


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_group_has_content_rights_and_nothing_of_accounts(db):
    codenames = set(Group.objects.get(name=GROUP).permissions.values_list("codename", flat=True))
    assert {"add_partner", "change_partner", "view_partner", "delete_partner"} <= codenames
    assert {"add_event", "change_eventphoto", "change_staffmember"} <= codenames
    assert {"change_department", "delete_landingsection"} <= codenames
    assert {"view_registration", "change_inquiry"} <= codenames
    assert not codenames & {"delete_registration", "delete_inquiry", "export_registration"}
    assert not any(codename.endswith(("_user", "_group", "_permission")) for codename in codenames)


def test_an_editor_adds_and_changes_a_partner(editor_client):
    add = reverse("admin:partners_partner_add")
    data = form_data(editor_client.get(add))
    data.update(
        slug=["charite"],
        name_uz=["Sharite"],
        name_ru=["Шарите"],
        name_en=["Charité"],
        kind=["university"],
        country=["DE"],
        status=["draft"],
    )
    assert editor_client.post(add, data).status_code == 302
    partner = Partner.objects.get(slug="charite")

    change = reverse("admin:partners_partner_change", args=[partner.pk])
    data = form_data(editor_client.get(change))
    data["city_en"] = ["Berlin"]
    assert editor_client.post(change, data).status_code == 302
    partner.refresh_from_db()
    assert partner.city_en == "Berlin"


def test_an_editor_deletes_a_draft(editor_client, make_partner):
    draft = make_partner("draft-partner", status=Partner.Status.DRAFT)
    delete = reverse("admin:partners_partner_delete", args=[draft.pk])
    assert editor_client.get(delete).status_code == 200
    assert editor_client.post(delete, {"post": "yes"}).status_code == 302
    assert not Partner.objects.filter(pk=draft.pk).exists()


def test_an_editor_is_refused_deleting_a_published_item_with_a_reason(editor_client, make_partner):
    published = make_partner("published-partner", name_en="Published Partner")
    delete = reverse("admin:partners_partner_delete", args=[published.pk])
    change = reverse("admin:partners_partner_change", args=[published.pk])

    page = editor_client.get(change).content.decode()
    assert delete not in page  # no "Delete" button on its form

    for response in (editor_client.get(delete), editor_client.post(delete, {"post": "yes"})):
        assert response.status_code == 302
        assert response["Location"] == change
        assert any("Published items cannot be deleted" in m for m in messages_of(response))
    assert Partner.objects.filter(pk=published.pk).exists()


def test_the_delete_selected_action_refuses_published_items_for_an_editor(
    editor_client, make_partner
):
    published = make_partner("published-partner", name_en="Published Partner")
    draft = make_partner("draft-partner", status=Partner.Status.DRAFT)
    changelist = reverse("admin:partners_partner_changelist")
    selected = {"action": "delete_selected", "_selected_action": [published.pk, draft.pk]}

    for data in (selected, {**selected, "post": "yes"}):  # the question and the confirmation
        response = editor_client.post(changelist, data)
        assert response.status_code == 302
        assert any("“Published Partner”" in m for m in messages_of(response))
    assert Partner.objects.count() == 2

    drafts_only = {**selected, "_selected_action": [draft.pk], "post": "yes"}
    editor_client.post(changelist, drafts_only)
    assert list(Partner.objects.all()) == [published]


def test_a_superuser_deletes_a_published_item(admin_client, make_partner):
    published = make_partner("published-partner")
    delete = reverse("admin:partners_partner_delete", args=[published.pk])
    admin_client.post(delete, {"post": "yes"})
    assert not Partner.objects.exists()


def test_an_editor_has_no_access_to_accounts(editor_client):
    for name in ("auth_user", "auth_group"):
        assert editor_client.get(reverse(f"admin:{name}_changelist")).status_code == 403
        assert editor_client.get(reverse(f"admin:{name}_add")).status_code == 403
    index = editor_client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:app_list", args=["auth"]) not in index
    assert reverse("admin:partners_partner_changelist") in index


def test_an_editor_exports_registrations_only_when_granted(editor_client, editor):
    export = reverse("admin:events_registration_export")
    changelist = reverse("admin:events_registration_changelist")
    assert editor_client.get(changelist).status_code == 200
    assert export not in editor_client.get(changelist).content.decode()
    assert editor_client.get(export).status_code == 403

    editor.user_permissions.add(Permission.objects.get(codename="export_registration"))
    assert editor_client.get(export).status_code == 200
    assert export in editor_client.get(changelist).content.decode()


@pytest.mark.django_db(transaction=True)
def test_the_group_migration_is_reversible():
    executor = MigrationExecutor(connection)
    executor.migrate([("accounts", None)])
    assert not Group.objects.filter(name=GROUP).exists()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    granted = Group.objects.get(name=GROUP).permissions.values_list(
        "content_type__app_label", "codename"
    )
    assert set(granted) == declared_editor_permissions(executor.loader)


def declared_editor_permissions(loader):
    """(app label, codename) of what the accounts migrations say they grant the group."""
    declared = set()
    for (app_label, _name), migration in loader.disk_migrations.items():
        module = sys.modules[type(migration).__module__]
        if app_label == "accounts" and hasattr(module, "EDITOR_PERMISSIONS"):
            declared |= {
                (app, f"{action}_{model}")
                for app, models in module.EDITOR_PERMISSIONS.items()
                for model, actions in models.items()
                for action in actions
            }
    return declared


def test_an_editor_deletes_draft_agreements_only_inside_the_partner_form(
    editor_client, make_partner
):
    from partners.models import Agreement

    partner = make_partner("with-agreements", name_uz="Hamkor", name_ru="Партнёр")
    published = Agreement.objects.create(
        partner=partner, kind="memorandum", signed_on="2024-05-01", status="published"
    )
    draft = Agreement.objects.create(partner=partner, kind="mobility", signed_on="2025-01-10")
    change = reverse("admin:partners_partner_change", args=[partner.pk])

    def delete_row(agreement):
        data = form_data(editor_client.get(change))
        index = "0" if data["agreements-0-id"] == [str(agreement.pk)] else "1"
        assert data[f"agreements-{index}-id"] == [str(agreement.pk)]
        data[f"agreements-{index}-DELETE"] = ["on"]
        return editor_client.post(change, data)

    refused = delete_row(published)
    assert refused.status_code == 200
    assert "Published items cannot be deleted" in refused.content.decode()
    assert Agreement.objects.filter(pk=published.pk).exists()

    assert delete_row(draft).status_code == 302
    assert not Agreement.objects.filter(pk=draft.pk).exists()
    assert Agreement.objects.filter(pk=published.pk).exists()


def test_registration_actions_need_the_change_permission(
    client, django_user_model, make_event, make_registration
):
    from events.models import Registration

    make_registration(
        make_event("forum"),
        "ada@example.org",
        name="Ada",
        affiliation="SamSMU",
        status=Registration.Status.WAITING,
    )
    viewer = django_user_model.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_registration"))
    client.force_login(viewer)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("admin:events_registration_changelist"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Ada" in html
    assert 'value="confirm_from_waiting_list"' not in html
    assert 'value="resend_confirmation"' not in html

    viewer.user_permissions.add(Permission.objects.get(codename="change_registration"))
    html = client.get(reverse("admin:events_registration_changelist")).content.decode()
    assert 'value="confirm_from_waiting_list"' in html


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("uz", "Bu sahifani ochishingiz mumkin emas"),
        ("ru", "Вам нельзя открыть эту страницу"),
        ("en", "You may not open this page"),
    ],
)
def test_a_refused_admin_page_says_so_in_the_staff_members_language(editor_client, language, title):
    editor_client.cookies["django_language"] = language
    response = editor_client.get(reverse("admin:auth_user_changelist"))
    assert response.status_code == 403
    html = response.content.decode()
    assert title in html
    assert "403 Forbidden" not in html
    assert f'<html lang="{language}">' in html


def test_rights_and_groups_read_in_the_staff_members_language(admin_client, editors_group):
    admin_client.cookies["django_language"] = "uz"
    user = admin_client.get(reverse("admin:auth_user_add")).content.decode()
    groups = admin_client.get(reverse("admin:auth_group_changelist")).content.decode()
    change = reverse("admin:auth_group_change", args=[editors_group.pk])
    group = admin_client.get(change).content.decode()
    for page in (group,):
        assert "Can add" not in page and "Can change" not in page and "Can view" not in page
        assert "Roʻyxatdan oʻtishlarni eksport qila oladi" in page  # a custom right, too
    assert "Xalqaro boʻlim muharrirlari" in groups
    assert "International office editors" not in groups
    assert "Can add" not in user
