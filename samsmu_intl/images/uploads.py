"""Uploaded images that visitors see: checked before they are stored, and stored without the
metadata that cameras and phones put in them.

`ImageField` is the one field for such images. Its form field refuses what is not a JPEG, PNG
or WebP that Pillow can decode within the size and pixel limits (SVG with its own message, as
it can carry scripts), so staff read why in the admin, next to the field. When a new file is
saved, it is re-encoded without EXIF (GPS position, camera, owner) after turning it upright by
its EXIF orientation, keeping its colour profile."""

import io
import warnings

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import FileExtensionValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

MAX_BYTES = 8 * 1024 * 1024
MAX_PIXELS = 40_000_000
# Pillow's names of the formats we keep, and the file name endings that go with them. GIF is
# refused: photos and logos do not need it, and its animation would be lost in the renditions.
FORMATS = {"JPEG", "PNG", "WEBP"}
EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
# An emblem or logo drawn on a transparent background: JPEG has none.
EMBLEM_FORMATS = {"PNG", "WEBP"}
EMBLEM_EXTENSIONS = ["png", "webp"]
# Re-encoding a JPEG whose pixels had to be turned cannot keep its quantisation tables.
JPEG_QUALITY = 90
WEBP_QUALITY = 90


def _looks_like_svg(upload):
    if upload.name and upload.name.lower().endswith((".svg", ".svgz")):
        return True
    upload.seek(0)
    head = upload.read(1024).lstrip().lower()
    upload.seek(0)
    return head.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in head


def check_image(upload, formats=FORMATS):
    """Raise ValidationError (with a message for staff) unless `upload` is an image we keep:
    one of `formats` (Pillow's names), whatever its file name says.

    The header alone tells the format and size, so an image with too many pixels (a
    decompression bomb) is refused before its pixels cost any memory."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(
            _("The file is too large (%(size)s). Upload an image of at most %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_BYTES)},
        )
    if _looks_like_svg(upload):
        raise ValidationError(
            _(
                "SVG images are not accepted, as they can contain scripts. Save the picture as "
                "PNG, JPEG or WebP and upload that."
            ),
            code="svg",
        )
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                (width, height), image_format = image.size, image.format
                acceptable = image_format in formats and width * height <= MAX_PIXELS
                if acceptable:
                    image.verify()
            if acceptable:
                # verify() leaves a truncated JPEG unnoticed, and saving re-encodes the
                # pixels anyway: decode them once here, where a failure is a message.
                upload.seek(0)
                with Image.open(upload) as decoded:
                    decoded.load()
    except (Image.DecompressionBombWarning, Image.DecompressionBombError):
        raise ValidationError(_too_many_pixels(), code="too_many_pixels") from None
    except Exception:  # Pillow raises many kinds of errors for files it cannot read
        raise ValidationError(
            _("This file is not an image, or it is damaged. Upload a JPEG, PNG or WebP image."),
            code="not_an_image",
        ) from None
    finally:
        upload.seek(0)
    if image_format not in formats and formats == EMBLEM_FORMATS:
        raise ValidationError(
            _(
                "Images in %(format)s are not accepted here. Upload a PNG or WebP image: they "
                "keep the emblem's transparent background."
            ),
            code="format",
            params={"format": image_format},
        )
    if image_format not in formats:
        raise ValidationError(
            _("Images in %(format)s are not accepted. Upload a JPEG, PNG or WebP image."),
            code="format",
            params={"format": image_format},
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(_too_many_pixels(width, height), code="too_many_pixels")
    # The admin's form checks the upload, then the model validates the same file: decode once.
    upload.image_checked = True


def _too_many_pixels(width=None, height=None):
    limit = MAX_PIXELS // 1_000_000
    if width is None:
        return _("The image has too many pixels. Upload one of at most %(limit)s megapixels.") % {
            "limit": limit
        }
    return _(
        "The image is %(width)s × %(height)s pixels, too many. Upload one of at most "
        "%(limit)s megapixels."
    ) % {"width": width, "height": height, "limit": limit}


def validate_image(value, formats=FORMATS):
    """Model-level validator, for images assigned in code rather than through a form."""
    upload = getattr(value, "file", value)
    if getattr(value, "_committed", False) or getattr(upload, "image_checked", False):
        return  # stored already, or checked by the form: either way checked when it came in
    check_image(upload, formats)


def without_metadata(upload):
    """The image re-encoded upright and without EXIF, XMP or comments; its ICC profile kept."""
    upload.seek(0)
    with Image.open(upload) as original:
        original.load()
        image_format = original.format
        orientation = original.getexif().get(0x0112, 1)  # EXIF Orientation
        options = {}
        if icc := original.info.get("icc_profile"):
            options["icc_profile"] = icc
        if image_format == "JPEG":
            if orientation in (None, 1):
                image = original
                options.update(quality="keep", subsampling="keep")
            else:
                image = ImageOps.exif_transpose(original)
                options["quality"] = JPEG_QUALITY
            options["comment"] = b""
        else:
            image = ImageOps.exif_transpose(original)
            if image_format == "WEBP":
                options["quality"] = WEBP_QUALITY
        buffer = io.BytesIO()
        image.save(buffer, format=image_format, **options)
    upload.seek(0)
    return buffer.getvalue()


class ImageFormField(forms.ImageField):
    """Django's image field, after our checks (which say more precisely what is wrong)."""

    formats = FORMATS

    def to_python(self, data):
        if data not in self.empty_values:
            check_image(data, self.formats)
        return super().to_python(data)


class EmblemFormField(ImageFormField):
    formats = EMBLEM_FORMATS


def validate_emblem(value):
    validate_image(value, EMBLEM_FORMATS)


class ImageField(models.ImageField):
    """An image that visitors see: validated on upload, stored without metadata."""

    default_validators = [FileExtensionValidator(EXTENSIONS), validate_image]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": ImageFormField, **kwargs})

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            name = file.name
            file.file = ContentFile(without_metadata(file.file), name=name)
            if hasattr(file, "_dimensions_cache"):
                del file._dimensions_cache
            saved = super().pre_save(model_instance, add)
            # Turning the picture upright may have swapped its width and height.
            self.update_dimension_fields(model_instance, force=True)
            return saved
        return super().pre_save(model_instance, add)


class EmblemField(ImageField):
    """An emblem or logo on a transparent background: PNG or WebP only, checked by its bytes."""

    default_validators = [FileExtensionValidator(EMBLEM_EXTENSIONS), validate_emblem]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": EmblemFormField, **kwargs})
