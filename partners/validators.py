from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# A scanned agreement of a dozen pages fits; nginx's client_max_body_size allows this much.
MAX_PDF_BYTES = 10 * 1024 * 1024


def validate_pdf(upload):
    """A PDF of at most MAX_PDF_BYTES that starts with %PDF- (allowing a little leading junk, as
    readers do)."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_PDF_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s). Upload a PDF of at most %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_PDF_BYTES)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(position)
    if b"%PDF-" not in head:
        raise ValidationError(_("This file is not a PDF document."), code="not_pdf")
