"""Images and uploads: checked by their bytes before they are stored, stored without metadata,
rendered once as WebP at the widths the pages use, shown as admin thumbnails."""
