"""WebP renditions of uploaded images at the few widths the templates use, made once when the
image is saved (imagekit's Optimistic strategy), never while a page is served."""

from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit


def webp(source, width):
    return ImageSpecField(
        source=source,
        processors=[ResizeToFit(width=width, upscale=False)],
        format="WEBP",
        options={"quality": 80},
    )
