import math
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.utils import translation

from partners.validators import MAX_PDF_BYTES
from samsmu_intl.images.uploads import MAX_BYTES as MAX_IMAGE_BYTES

MEGABYTE = 1024 * 1024
# The pages nginx answers itself (deploy/nginx/samsmu-intl.conf, error_page): a request too
# large to accept, its own failure, and the app server down or too slow (502, 503, 504).
PAGES = ("413", "500", "503")


def request_size_limit():
    """The largest request the site accepts, in whole megabytes as nginx's client_max_body_size
    says it: the largest file plus what Django allows for the rest of the form."""
    largest = max(MAX_IMAGE_BYTES, MAX_PDF_BYTES) + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return math.ceil(largest / MEGABYTE) * MEGABYTE


class Command(BaseCommand):
    help = (
        "Write the site's error pages as static HTML, one folder per language, for nginx to "
        "answer with when the app server is down or a request is too large. Run it after "
        "collectstatic (the pages link to the hashed stylesheet); it replaces what it wrote before."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=Path(settings.STATIC_ROOT) / "errors",
            help="Folder to write <language>/<status>.html into (default: STATIC_ROOT/errors).",
        )

    def handle(self, *args, output, verbosity, **options):
        limits = {
            "image_limit": MAX_IMAGE_BYTES,
            "document_limit": MAX_PDF_BYTES,
            "request_limit": request_size_limit(),
        }
        for language, _name in settings.LANGUAGES:
            folder = output / language
            folder.mkdir(parents=True, exist_ok=True)
            with translation.override(language):
                context = {name: filesizeformat(size) for name, size in limits.items()}
                for page in PAGES:
                    html = render_to_string(f"{page}.html", context)
                    (folder / f"{page}.html").write_text(html, encoding="utf-8")
        if verbosity:
            self.stdout.write(
                f"Wrote {len(PAGES)} pages in {len(settings.LANGUAGES)} languages to {output}."
            )
