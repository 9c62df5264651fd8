"""WebP renditions of uploaded images at the few widths the templates use, made once when the
image is saved (imagekit's Optimistic strategy), never while a page is served;
and the rule for their descriptions (alt text)."""

import os

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit


def webp(source, width, quality=80):
    return ImageSpecField(
        source=source,
        processors=[ResizeToFit(width=width, upscale=False)],
        format="WEBP",
        options={"quality": quality},
    )


def png_square(source, size):
    """An emblem fitted into a square, as PNG: what every browser takes as an icon and every
    sharing service as a picture (some still refuse WebP)."""
    return ImageSpecField(
        source=source,
        processors=[ResizeToFit(width=size, height=size, upscale=False)],
        format="PNG",
        options={"optimize": True},
    )


def alt_text_errors(instance, image_field, alt_field, *, publishing):
    """What is wrong with an image's translated description (alt text), keyed by the fields of
    the languages concerned, ready for ValidationError: a description that is only the file
    name, always; and, when the item is being published, a language without one."""
    image = getattr(instance, image_field)
    if not image:
        return {}
    file_name = os.path.basename(image.name or "")
    file_names = {file_name.casefold(), os.path.splitext(file_name)[0].casefold()} - {""}
    texts = {
        code: (getattr(instance, f"{alt_field}_{code}") or "").strip()
        for code, _name in settings.LANGUAGES
    }
    errors = {}
    for code, text in texts.items():
        if text and text.casefold() in file_names:
            errors[f"{alt_field}_{code}"] = _(
                "Describe what the picture shows: its file name tells nothing to a visitor who "
                "cannot see it."
            )
    missing = [code for code, text in texts.items() if not text]
    if publishing and missing:
        names = dict(settings.LANGUAGES)
        message = _(
            "Describe the picture in every language before publishing. Missing: %(languages)s."
        ) % {"languages": ", ".join(str(names[code]) for code in missing)}
        for code in missing:
            errors[f"{alt_field}_{code}"] = message
    return errors
