from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_pdf(upload):
    """A PDF starts with %PDF- (allowing a little leading junk, as readers do)."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(position)
    if b"%PDF-" not in head:
        raise ValidationError(_("This file is not a PDF document."), code="not_pdf")
