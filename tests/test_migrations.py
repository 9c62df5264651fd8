import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from events.models import Event
from partners.models import Partner
from samsmu_intl.department.models import LandingSection, StaffMember

pytestmark = pytest.mark.django_db(transaction=True)
APPS = ("department", "partners", "events", "certificates")


def migrate(*args):
    call_command("migrate", *args, verbosity=0, stdout=io.StringIO())


def snapshot():
    return {
        "partners": sorted(Partner.objects.values_list("slug", "name_ru", "country", "region")),
        "events": sorted(Event.objects.values_list("slug", "title_uz", "starts_at")),
        "staff": sorted(StaffMember.objects.values_list("slug", "position_en")),
        "sections": LandingSection.objects.count(),
    }


def test_latest_migrations_go_back_and_forward_keeping_the_content():
    call_command("load_seed", stdout=io.StringIO())
    before = snapshot()
    migrate("events", "0001")
    migrate("department", "0001")
    migrate()
    assert snapshot() == before
    assert not MigrationExecutor(connection).migration_plan(
        MigrationExecutor(connection).loader.graph.leaf_nodes()
    )


def test_every_migration_of_our_apps_reverses_to_zero_and_reapplies():
    for app in reversed(APPS):
        migrate(app, "zero")
    tables = connection.introspection.table_names()
    assert not [
        name for name in tables if name.startswith(("partners_", "events_", "certificates_"))
    ]
    migrate()
    call_command("load_seed", stdout=io.StringIO())
    assert Partner.objects.count() == 2 and Event.objects.count() == 2
