import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_healthy_when_the_database_answers(client):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_unavailable_when_the_database_does_not_answer(client, unreachable_database):
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "down"}


def test_health_check_refuses_other_methods(client, db):
    assert client.post(reverse("healthz")).status_code == 405
