"""What every kind of content shares: publishing, what visitors may see, preview, rich text,
translation fallback, how each language writes dates (formats/), breadcrumbs, list filters,
counts by place and pagination, and the content admin."""
