import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand, CommandError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from samsmu_intl.editorial.digest import digest_context, recipients, render_digest, week_of
from samsmu_intl.editorial.models import DigestSend

# A claim older than this with nothing sent belongs to a run that died: the next run takes over.
ABANDONED_CLAIM = datetime.timedelta(hours=1)


class Command(BaseCommand):
    help = (
        "Email the weekly editorial digest (agreements expiring within 90 days or expired, "
        "missing and possibly out-of-date translations) to the department's staff: every active "
        "staff user with an email address, and the department's address from the admin. Safe to "
        "run from cron or any scheduler as often as you like: it sends once per ISO week."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the digest and its recipients; send nothing.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Send even if this week's digest was sent."
        )
        parser.add_argument(
            "--language",
            choices=[code for code, _name in settings.LANGUAGES],
            default="en",
            help="The digest's language (default: English).",
        )

    def handle(self, *args, dry_run=False, force=False, language="en", **options):
        today = timezone.localdate()
        week = week_of(today)
        to = recipients()
        with translation.override(language):
            subject, body = render_digest(digest_context(today))

        if dry_run:
            self.stdout.write(f"To: {', '.join(to) or '(no one)'}\nSubject: {subject}\n\n{body}")
            return
        if not to:
            raise CommandError(
                "No one to send the digest to: give staff users an email address, or the "
                "department an email in the admin."
            )

        claim, claimed_now = self.claim(week, force)
        if claim is None:
            self.stdout.write(f"The digest for {week} was already sent; nothing to do.")
            return
        try:
            EmailMessage(subject, body, to=to).send()
        except OSError as error:  # SMTP errors and refused connections alike
            if claimed_now:
                # Release the week, so that the next run (cron, or by hand) tries again.
                claim.delete()
            raise CommandError(
                f"The digest for {week} could not be sent ({error.__class__.__name__}: {error}). "
                "Nothing was recorded as sent; run the command again when email works."
            ) from error
        claim.sent_at = timezone.now()
        claim.recipients = ", ".join(to)
        claim.save(update_fields=["sent_at", "recipients"])
        self.stdout.write(f"Digest for {week} sent to {len(to)} recipient(s).")

    def claim(self, week, force):
        """This run's right to send this week's digest, taken atomically (a unique row per week),
        so two runs at once cannot both send. Returns (row, created by this run) or (None, False)
        when the week is taken."""
        try:
            with transaction.atomic():
                return DigestSend.objects.create(week=week), True
        except IntegrityError:
            pass
        now = timezone.now()
        existing = DigestSend.objects.filter(week=week)
        if force:
            existing.update(claimed_at=now)
            return existing.get(), False
        abandoned = existing.filter(sent_at__isnull=True, claimed_at__lt=now - ABANDONED_CLAIM)
        if abandoned.update(claimed_at=now):
            return existing.get(), True
        return None, False
