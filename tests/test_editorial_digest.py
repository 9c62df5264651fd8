"""The weekly editorial digest: recipients, content, once per ISO week, dry run, force, and a dead
SMTP server that leaves the week free for the next run."""

import datetime
import io
import socket

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from partners.models import Agreement
from samsmu_intl.department.models import Department
from samsmu_intl.editorial.digest import week_of
from samsmu_intl.editorial.models import DigestSend

SITE = "https://intl.example.uz"


def run(*args):
    out = io.StringIO()
    call_command("send_editorial_digest", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def newsroom(settings, admin_user, django_user_model, make_partner):
    settings.SITE_URL = SITE
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    django_user_model.objects.create_user("editor", "Editor@Example.com", None, is_staff=True)
    django_user_model.objects.create_user(
        "gone", "gone@example.com", None, is_staff=True, is_active=False
    )
    django_user_model.objects.create_user("visitor", "visitor@example.com", None)
    Department.objects.create(title_uz="Boʻlim", email="intl@sammu.uz")
    today = timezone.localdate()
    partner = make_partner(
        "lyon",
        name_uz="Lion",
        name_en="Lyon University",
        description_uz="<p>Matn</p>",
        description_en="<p>Text</p>",
    )
    Agreement.objects.create(
        partner=partner,
        kind=Agreement.Kind.MOBILITY,
        signed_on=today - datetime.timedelta(days=300),
        valid_until=today + datetime.timedelta(days=10),
    )
    Agreement.objects.create(
        partner=make_partner(
            "old",
            name_uz="Eski",
            name_ru="Старый",
            name_en="Old Institute",
            description_uz="<p>Matn</p>",
            description_ru="<p>Текст</p>",
            description_en="<p>Text</p>",
        ),
        kind=Agreement.Kind.COOPERATION,
        signed_on=today - datetime.timedelta(days=3000),
        valid_until=today - datetime.timedelta(days=100),
    )
    return partner


def test_digest_goes_to_active_staff_and_the_department_once_a_week(newsroom, admin_user):
    assert "sent to 3 recipient(s)" in run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert sorted(a.lower() for a in message.to) == sorted(
        [admin_user.email, "editor@example.com", "intl@sammu.uz"]
    )
    assert "gone@example.com" not in message.to and "visitor@example.com" not in message.to
    body = message.body
    assert week_of(timezone.localdate()) in message.subject
    assert "1 agreement expires within 90 days" in body and "Lyon University" in body
    assert "1 agreement has expired" in body and "Old Institute" in body
    assert f"{SITE}/admin/partners/partner/?agreements=expiring" in body
    # Lyon misses Russian: counted, with a link to the filtered list.
    assert "Partner institutions, 1 item missing Russian" in body
    assert f"{SITE}/admin/partners/partner/?status__exact=published&missing_translation=ru" in body
    assert "&amp;" not in body

    assert "already sent" in run()
    assert len(mail.outbox) == 1
    assert DigestSend.objects.get().sent_at is not None


def test_dry_run_prints_and_sends_nothing(newsroom):
    out = run("--dry-run")
    assert "Lyon University" in out and "intl@sammu.uz" in out
    assert mail.outbox == []
    assert not DigestSend.objects.exists()
    run()
    assert len(mail.outbox) == 1


def test_force_sends_again_and_a_new_week_sends_anew(newsroom):
    run()
    run("--force")
    assert len(mail.outbox) == 2
    DigestSend.objects.update(week="2000-W01")  # last week's digest, as far as this week knows
    run()
    assert len(mail.outbox) == 3
    assert DigestSend.objects.count() == 2


def test_digest_lists_stale_translations_with_their_admin_page(newsroom, admin_client):
    from tests.test_editorial import save_partner

    old = newsroom.__class__.objects.get(slug="old")
    save_partner(admin_client, old, name_en="Old Institute of Medicine")
    run()
    body = mail.outbox[0].body
    assert "Partner institution “Old Institute of Medicine”: name (Uzbek), name (Russian)" in body
    assert f"{SITE}/admin/partners/partner/{old.pk}/change/" in body


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_dead_smtp_server_fails_clearly_and_leaves_the_week_to_retry(newsroom, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", closed_port(), 2
    with pytest.raises(CommandError, match="could not be sent") as failure:
        run()
    assert failure.value.returncode == 1
    assert "run the command again" in str(failure.value)
    assert not DigestSend.objects.exists()  # the claim was released

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    run()
    assert len(mail.outbox) == 1


def test_a_claim_left_by_a_crashed_run_is_taken_over_later(newsroom):
    week = week_of(timezone.localdate())
    claim = DigestSend.objects.create(week=week)
    assert "already sent" in run()  # another run may be sending right now
    DigestSend.objects.filter(pk=claim.pk).update(
        claimed_at=timezone.now() - datetime.timedelta(hours=2)
    )
    run()
    assert len(mail.outbox) == 1
    assert DigestSend.objects.get().sent_at is not None


def test_no_recipients_is_an_error_before_anything_is_claimed(db, settings):
    with pytest.raises(CommandError, match="No one to send the digest to"):
        run()
    assert not DigestSend.objects.exists()


def test_digest_in_another_language(newsroom):
    run("--language", "ru")
    assert len(mail.outbox) == 1  # the wording is the catalogue's; the content is the same
    assert "Lyon University" in mail.outbox[0].body or "Lion" in mail.outbox[0].body
