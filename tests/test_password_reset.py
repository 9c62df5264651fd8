"""A forgotten password: reset by email from the admin's login page, in the staff member's
language, with Django's tokens and password validators; the page answers the same for an
address without an account; requests are limited per visitor and per address; a used or
expired link says so."""

import re
import time

import pytest
from django.core import mail
from django.urls import reverse

from samsmu_intl.accounts.password_reset import (
    REQUESTS_PER_ADDRESS_PER_HOUR,
    REQUESTS_PER_VISITOR_PER_HOUR,
)

OLD_PASSWORD = "Registan at dawn 1417"
NEW_PASSWORD = "Shah-i-Zinda by night 1405"


@pytest.fixture
def staff(db, django_user_model):
    return django_user_model.objects.create_user(
        "malika", email="malika@sammu.uz", password=OLD_PASSWORD, is_staff=True
    )


def ask_for_reset(client, email, language="en", **headers):
    client.cookies["django_language"] = language
    return client.post(reverse("admin_password_reset"), {"email": email}, **headers)


def reset_link(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_the_login_page_offers_a_password_reset(client, db):
    html = client.get(reverse("admin:login")).content.decode()
    assert f'href="{reverse("admin_password_reset")}"' in html


def test_a_staff_member_resets_their_password_by_email(client, staff):
    asked = ask_for_reset(client, "Malika@SamMU.uz")
    assert asked.status_code == 302
    assert asked["Location"] == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["malika@sammu.uz"]
    assert "SamSMU International Cooperation" in message.subject
    assert "malika" in message.body and "60 minutes" in message.body

    link = reset_link(message)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    set_password_url = form.redirect_chain[-1][0]  # Django hides the token from the page
    weak = client.post(set_password_url, {"new_password1": "12345678", "new_password2": "12345678"})
    assert weak.status_code == 200
    assert weak.context["form"].errors["new_password2"]  # Django's validators said no
    done = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == reverse("password_reset_complete")
    staff.refresh_from_db()
    assert staff.check_password(NEW_PASSWORD)
    assert "_auth_user_id" not in client.session  # a reset signs no one in

    login = client.post(reverse("admin:login"), {"username": "malika", "password": NEW_PASSWORD})
    assert login["Location"] == reverse("admin:index")

    # The same link again: it has been used.
    again = client.get(link, follow=True)
    assert again.status_code == 200
    page = again.content.decode()
    assert "This link has already been used or has expired" in page
    assert reverse("admin_password_reset") in page
    assert 'name="new_password1"' not in page


def test_the_email_is_written_in_the_language_of_the_page_it_was_asked_from(client, staff):
    ask_for_reset(client, "malika@sammu.uz", language="uz")
    body = mail.outbox[0].body
    assert "yangi parol" in body.lower()
    assert "Someone, probably you" not in body
    page = client.get(reverse("password_reset_done")).content.decode()
    assert '<html lang="uz"' in page


def test_an_expired_link_says_so(client, staff, settings):
    ask_for_reset(client, "malika@sammu.uz")
    settings.PASSWORD_RESET_TIMEOUT = 0  # any link made a second ago is too old
    time.sleep(1.1)
    page = client.get(reset_link(mail.outbox[0]), follow=True).content.decode()
    assert "This link has already been used or has expired" in page
    staff.refresh_from_db()
    assert staff.check_password(OLD_PASSWORD)


def without_csrf(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_an_address_without_an_account_looks_the_same_from_outside(client, staff):
    known = ask_for_reset(client, "malika@sammu.uz")
    unknown = ask_for_reset(client, "nobody@sammu.uz")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    pages = [client.get(r["Location"]) for r in (known, unknown)]
    assert pages[0].status_code == pages[1].status_code == 200
    assert without_csrf(pages[0].content.decode()) == without_csrf(pages[1].content.decode())
    assert [m.to for m in mail.outbox] == [["malika@sammu.uz"]]


def test_only_active_staff_accounts_get_a_reset_email(client, staff, django_user_model):
    django_user_model.objects.create_user("visitor", email="visitor@example.org", password="x1")
    staff.is_active = False
    staff.save()
    for email in ("visitor@example.org", "malika@sammu.uz"):
        assert ask_for_reset(client, email).status_code == 302
    assert mail.outbox == []


def test_requests_are_limited_per_visitor_whatever_the_address(client, staff):
    for number in range(REQUESTS_PER_VISITOR_PER_HOUR):
        assert ask_for_reset(client, f"someone{number}@example.org").status_code == 302
    for email in ("malika@sammu.uz", "nobody@example.org"):
        limited = ask_for_reset(client, email)
        assert limited.status_code == 429
        assert "Too many password reset requests: try again in an hour." in (
            limited.content.decode()
        )
    assert mail.outbox == []
    # Another visitor is not held back.
    assert ask_for_reset(client, "malika@sammu.uz", REMOTE_ADDR="198.51.100.9").status_code == 302


@pytest.mark.parametrize("email", ["malika@sammu.uz", "nobody@sammu.uz"])
def test_requests_are_limited_per_address_whatever_the_visitor(client, staff, email):
    """Many visitors together cannot flood one person's mailbox; an address without an
    account is limited alike, so the limit tells nothing either."""
    for number in range(REQUESTS_PER_ADDRESS_PER_HOUR):
        visitor = {"REMOTE_ADDR": f"203.0.113.{number + 1}"}
        assert ask_for_reset(client, email, **visitor).status_code == 302
    limited = ask_for_reset(client, email, REMOTE_ADDR="203.0.113.200")
    assert limited.status_code == 429
    assert len(mail.outbox) == (REQUESTS_PER_ADDRESS_PER_HOUR if email.startswith("m") else 0)
