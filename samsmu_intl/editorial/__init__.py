"""The editors' tools: translation status, stale-translation flags, the admin dashboard and the
weekly digest. They attach to content from above and read every app."""
