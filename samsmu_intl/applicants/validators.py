"""Public documents are checked by their bytes, not their names: a PDF starts with %PDF-, a
DOCX or XLSX is a ZIP archive whose [Content_Types].xml declares a Word document or an Excel
workbook as its main part. A renamed program or web page is refused with a message."""

import zipfile

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# A brochure with photos fits; nginx's client_max_body_size (13 MB) allows this much.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024

PDF, DOCX, XLSX = "pdf", "docx", "xlsx"
# The main part's content type that [Content_Types].xml declares, and the part itself.
OFFICE_MAIN_PARTS = {
    DOCX: (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
    ),
    XLSX: (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "xl/workbook.xml",
    ),
}
# Checked when the archive is read: nobody's form has more entries or a larger index.
MAX_ZIP_ENTRIES = 10_000
MAX_CONTENT_TYPES_BYTES = 1024 * 1024


def extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def document_type(upload):
    """ "pdf", "docx" or "xlsx" by the file's bytes; ValidationError when it is none of them, is
    too large, or its name says another type than its bytes."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_DOCUMENT_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s). Upload a document of at most %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        head = upload.read(1024)
        upload.seek(0)
        if b"%PDF-" in head:
            found = PDF
        elif head.startswith(b"PK\x03\x04"):
            found = _office_type(upload)
        else:
            found = None
    finally:
        upload.seek(position)
    if found is None:
        raise ValidationError(
            _("This file is not a PDF, Word (DOCX) or Excel (XLSX) document."),
            code="not_a_document",
        )
    named = extension(getattr(upload, "name", "") or "")
    if named != found:
        raise ValidationError(
            _(
                "The file's name ends in “.%(named)s” but it is a %(kind)s document: rename it "
                "to end in “.%(right)s”, or upload the right file."
            ),
            code="wrong_extension",
            params={"named": named, "kind": found.upper(), "right": found},
        )
    return found


def _office_type(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            names = archive.namelist()
            if len(names) > MAX_ZIP_ENTRIES or "[Content_Types].xml" not in names:
                return None
            info = archive.getinfo("[Content_Types].xml")
            if info.file_size > MAX_CONTENT_TYPES_BYTES:
                return None
            content_types = archive.read(info).decode("utf-8", "replace")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, RuntimeError, ValueError):
        return None
    for kind, (content_type, part) in OFFICE_MAIN_PARTS.items():
        if content_type in content_types and part in names:
            return kind
    return None


def validate_document(upload):
    document_type(upload)
