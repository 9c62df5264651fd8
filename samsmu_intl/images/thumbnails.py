"""Thumbnails in the admin's lists and forms, from the small WebP renditions (made when the
image was saved), so that a list of fifty events does not download fifty original photos."""

from django.utils.html import format_html


def thumbnail(image, rendition, size=64):
    """`image` is the uploaded file, `rendition` its small imagekit spec; "–" when empty. The alt
    text is empty because the item's name is next to it."""
    if not image:
        return "–"
    return format_html(
        '<img src="{}" alt="" width="{}" height="{}" class="admin-thumbnail">',
        rendition.url,
        size,
        size,
    )
