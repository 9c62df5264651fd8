"""What every kind of content shares: publishing, what visitors may see, preview, rich text,
translation fallback, breadcrumbs, list filters, counts by place and pagination, and the content
admin."""
