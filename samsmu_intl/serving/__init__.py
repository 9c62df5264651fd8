"""Serving pages: the page cache and the shared (Redis) cache, the site's origin for absolute
links, the visitor's address, rate limits and the security headers."""
