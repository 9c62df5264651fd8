"""The department is one row: the seed writes it, staff edit it, and every page, email and
command reads that same row. Which row it is is said once (Department.SINGLETON_PK); these tests
move it, so that any reader with a key of its own finds nothing and fails."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from samsmu_intl.department.models import Department
from samsmu_intl.department.notifications import inquiry_recipients
from samsmu_intl.editorial.digest import recipients as digest_recipients

MOVED_PK = 7


def seed():
    out = io.StringIO()
    call_command("load_seed", stdout=out)
    return out.getvalue()


@pytest.fixture
def department(db, monkeypatch):
    monkeypatch.setattr(Department, "SINGLETON_PK", MOVED_PK)
    seed()
    department = Department.objects.get()
    department.title_en = "The one department"
    department.email = "intl@sammu.uz"
    department.save()
    return department


def test_the_seed_and_staff_write_the_one_row(department):
    assert department.pk == MOVED_PK
    assert Department.load().title_en == "The one department"
    assert "0 department page" in seed()
    assert Department.objects.count() == 1


def test_pages_show_the_one_row(client, department):
    with translation.override("en"):
        landing = client.get(reverse("department:landing")).content.decode()
        team = client.get(reverse("department:team")).content.decode()
    assert "<h1>The one department</h1>" in landing
    assert department.sections.filter(heading_en="Visitors from abroad").exists()
    assert "Visitors from abroad" in landing  # the sections of that row
    assert "intl@sammu.uz" in team  # the footer, from the context processor


def test_the_admin_opens_the_one_row_and_adds_no_other(admin_client, department):
    changelist = admin_client.get(reverse("admin:department_department_changelist"))
    assert changelist["Location"] == reverse("admin:department_department_change", args=[MOVED_PK])
    assert admin_client.get(reverse("admin:department_department_add")).status_code == 403


def test_emails_go_to_the_one_rows_address(settings, department):
    settings.INQUIRY_RECIPIENTS = []
    assert inquiry_recipients() == ["intl@sammu.uz"]
    assert "intl@sammu.uz" in digest_recipients()
