"""News: what the department reports, written by staff in three languages."""
