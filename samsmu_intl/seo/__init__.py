"""Search engines and sharing: the sitemap and JSON-LD mechanisms, canonical and hreflang links,
Open Graph locales. Each app describes its own objects with them."""
