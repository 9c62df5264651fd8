import io

import pytest
from django.core.management import call_command

from samsmu_intl.department.models import Department, LandingSection, StaffMember


def run_seed(*args):
    out = io.StringIO()
    call_command("load_seed", *args, stdout=out)
    return out.getvalue()


def counts():
    return (Department.objects.count(), LandingSection.objects.count(), StaffMember.objects.count())


@pytest.mark.django_db
def test_seed_loads_everything_once():
    assert (
        "Added: 1 department page, 5 home page sections, 2 staff members, 2 partners, 2 events, "
        "1 guide for applicants." in run_seed()
    )
    assert counts() == (1, 5, 2)
    assert (
        "Added: 0 department page, 0 home page sections, 0 staff members, 0 partners, 0 events, "
        "0 guide for applicants." in run_seed()
    )
    assert counts() == (1, 5, 2)


@pytest.mark.django_db
def test_seed_text_exists_in_all_three_languages():
    run_seed()
    for section in LandingSection.objects.all():
        for code in ("uz", "ru", "en"):
            assert getattr(section, f"heading_{code}")
            assert getattr(section, f"body_{code}")
    for member in StaffMember.objects.all():
        assert member.status == StaffMember.Status.PUBLISHED
        assert all(getattr(member, f"position_{code}") for code in ("uz", "ru", "en"))


@pytest.mark.django_db
def test_uzbek_seed_uses_the_proper_letters():
    run_seed()
    texts = [s.body_uz + s.heading_uz for s in LandingSection.objects.all()]
    joined = "".join(texts)
    assert "oʻ" in joined
    for wrong in ("o'", "g'", "o`", "g`", "o‘", "g‘"):
        assert wrong not in joined


@pytest.mark.django_db
def test_seed_never_overwrites_staff_edits():
    run_seed()
    member = StaffMember.objects.get(slug="shavazi")
    member.position_en = "Head of the Department of International Cooperation"
    member.save()
    page = Department.load()
    page.title_en = "Edited"
    page.save()
    run_seed()
    assert StaffMember.objects.get(slug="shavazi").position_en.startswith("Head of the Department")
    assert Department.load().title_en == "Edited"


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    assert (
        "Would add: 1 department page, 5 home page sections, 2 staff members, 2 partners, "
        "2 events, 1 guide for applicants." in run_seed("--dry-run")
    )
    assert counts() == (0, 0, 0)
