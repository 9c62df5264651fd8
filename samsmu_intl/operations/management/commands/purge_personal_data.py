import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from events.models import Registration
from samsmu_intl.department.models import Inquiry


class Command(BaseCommand):
    help = (
        "Delete the personal data the site no longer needs: registrations for events that ended, "
        "and inquiries received, more than --days ago (PERSONAL_DATA_RETENTION_DAYS, default "
        "365). Safe to run from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.PERSONAL_DATA_RETENTION_DAYS)
        parser.add_argument(
            "--dry-run", action="store_true", help="Count what would be deleted; delete nothing."
        )

    def handle(self, *args, days, dry_run=False, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        registrations = Registration.objects.filter(event__ends_at__lt=cutoff)
        inquiries = Inquiry.objects.filter(created_at__lt=cutoff)
        counts = (registrations.count(), inquiries.count())
        if not dry_run:
            with transaction.atomic():
                registrations.delete()
                inquiries.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {counts[0]} registrations and {counts[1]} inquiries older than {days} days."
        )
