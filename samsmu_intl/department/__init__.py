"""The department: its home page, its team, the contact page and its inquiries, and the site's
identity (name, contacts) on every page."""
