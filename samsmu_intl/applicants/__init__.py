"""For applicants: the guide staff write (steps, documents, deadlines, FAQ, a contact person)
and the public documents to download (forms, brochures, regulations)."""
