import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from events.models import Event
from partners.models import CooperationForm, Partner
from samsmu_intl.department.models import Department, StaffMember


class Command(BaseCommand):
    help = (
        "Load an archive made by backup_site into an empty, migrated database and empty media "
        "folders (run `migrate` first). Refuses to overwrite existing content."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        if any(model.objects.exists() for model in (Department, StaffMember, Partner, Event)):
            raise CommandError("The database already has content; restore into an empty one.")
        with tempfile.TemporaryDirectory() as scratch, tarfile.open(archive) as bundle:
            bundle.extractall(scratch, filter="data")  # no absolute paths, no links outside
            scratch = Path(scratch)
            with transaction.atomic():
                # migrate made the forms of cooperation; the backup has them, as staff left them.
                CooperationForm.objects.all().delete()
                call_command("loaddata", scratch / "data.json", verbosity=0)
            for folder, root in (
                ("media", settings.MEDIA_ROOT),
                ("private-media", settings.PRIVATE_MEDIA_ROOT),
            ):
                if (scratch / folder).is_dir():
                    shutil.copytree(scratch / folder, root, dirs_exist_ok=True)
        self.stdout.write(self.style.SUCCESS(f"Restored {archive}."))
