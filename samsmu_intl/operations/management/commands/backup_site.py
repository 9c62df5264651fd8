import io
import json
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

# Rebuilt by `migrate` on the restoring side, or worthless in a backup.
EXCLUDED = ["contenttypes", "auth.permission", "sessions", "admin.logentry"]


def add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


class Command(BaseCommand):
    help = (
        "Write one archive with the database content (all apps, as JSON with natural keys) and "
        "the uploaded files (public media and staff-only documents). Restore it with restore_site."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="Archive path (default: backups/samsmu-intl-<time>.tar.gz)"
        )

    def handle(self, *args, output=None, **options):
        target = Path(output or f"backups/samsmu-intl-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        target.parent.mkdir(parents=True, exist_ok=True)
        data = io.StringIO()
        call_command(
            "dumpdata",
            exclude=EXCLUDED,
            natural_foreign=True,
            natural_primary=False,
            indent=None,
            stdout=data,
        )
        records = json.loads(data.getvalue())
        with tarfile.open(target, "w:gz") as archive:
            add_bytes(archive, "data.json", data.getvalue().encode())
            for folder, root in (
                ("media", settings.MEDIA_ROOT),
                ("private-media", settings.PRIVATE_MEDIA_ROOT),
            ):
                if Path(root).is_dir():
                    archive.add(root, arcname=folder)
        self.stdout.write(self.style.SUCCESS(f"Wrote {target} ({len(records)} records)."))
