"""Spreadsheets a person can read, out of and into the admin (django-import-export): columns
named in the staff member's language, values as labels, local times, file names with the local
date, an import template to fill in, and import errors that say which rows stop the import and
what the allowed values are."""
