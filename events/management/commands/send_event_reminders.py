from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

from events import emails
from events.models import REMINDER_BEFORE, Event, Registration


class Command(BaseCommand):
    help = (
        "Email a reminder to everyone registered for a webinar or seminar that starts within a "
        "day, then tell those still waiting for a place whose waiting list has closed "
        "(close_waiting_lists). Safe to run from cron as often as you like: each person gets "
        "one reminder, and one waiting-list email."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be reminded; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        due = Registration.objects.confirmed().filter(
            reminder_sent_at__isnull=True,
            event__in=Event.objects.published().filter(
                kind__in=Event.REGISTRATION_KINDS,
                starts_at__gt=now,
                starts_at__lte=now + REMINDER_BEFORE,
            ),
        )
        sent = failed = 0
        for registration in due.select_related("event"):
            if dry_run:
                self.stdout.write(f"Would remind {registration.email} of {registration.event}")
                continue
            # Claim the reminder first, so that two runs at once cannot both send it.
            claimed = Registration.objects.filter(
                pk=registration.pk, reminder_sent_at__isnull=True
            ).update(reminder_sent_at=now)
            if not claimed:
                continue
            if emails.send_reminder(registration):
                sent += 1
            else:
                # Let the next run try again.
                Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
                failed += 1
        self.stdout.write(f"Reminders sent: {sent}; failed: {failed}.")
        # The same hourly timer (deploy/systemd/samsmu-intl-reminders.timer) closes the
        # waiting lists.
        call_command("close_waiting_lists", dry_run=dry_run, stdout=self.stdout)
