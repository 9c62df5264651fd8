from django.core.management.base import BaseCommand
from django.utils import timezone

from events import emails
from events.models import Event, Registration


class Command(BaseCommand):
    help = (
        "Tell the people still on the waiting list of an event whose waiting list has closed "
        "(the event's hours before the start) that no place came free. Each person gets one "
        "email; send_event_reminders runs this too, every hour."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="List who would be told; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        # Events with someone still waiting and untold are few; which of them has closed its
        # waiting list (a number of hours of its own) is decided here, not in SQL.
        untold = Registration.objects.waiting().filter(no_place_sent_at__isnull=True)
        events = Event.objects.filter(registrations__in=untold, ends_at__gt=now).distinct()
        closed = [event for event in events if not event.waiting_list_moves(now)]
        sent = failed = 0
        for registration in untold.filter(event__in=closed).select_related("event"):
            if dry_run:
                self.stdout.write(
                    f"Would tell {registration.email}: no place at {registration.event}"
                )
                continue
            # Claim the email first, so that two runs at once cannot both send it.
            claimed = Registration.objects.filter(
                pk=registration.pk,
                status=Registration.Status.WAITING,
                no_place_sent_at__isnull=True,
            ).update(no_place_sent_at=now)
            if not claimed:
                continue
            if emails.send_no_place(registration):
                sent += 1
            else:
                # Let the next run try again.
                Registration.objects.filter(pk=registration.pk).update(no_place_sent_at=None)
                failed += 1
        self.stdout.write(f"Told no place came free: {sent}; failed: {failed}.")
