import pytest
from django.db import connections
from django.urls import reverse


@pytest.mark.django_db
def test_healthy_when_the_database_answers(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}
    assert "no-cache" in response["Cache-Control"]


@pytest.fixture
def unreachable_database():
    """Swap in a real connection to a database that does not answer, then put the real one back."""
    working = connections["default"]
    settings_dict = {**working.settings_dict}
    if working.vendor == "sqlite":
        settings_dict["NAME"] = "/nonexistent-directory/db.sqlite3"
    else:
        settings_dict.update(HOST="127.0.0.1", PORT="1", OPTIONS={"connect_timeout": 2})
    broken = working.__class__(settings_dict, alias="default")
    connections["default"] = broken
    yield
    broken.close()
    connections["default"] = working


@pytest.mark.django_db
def test_unavailable_when_the_database_does_not_answer(client, unreachable_database):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down"}


def test_health_check_refuses_other_methods(client, db):
    assert client.post(reverse("healthz")).status_code == 405
