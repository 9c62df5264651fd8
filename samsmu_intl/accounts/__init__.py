"""Staff accounts: the "International office editors" group and the admin login's protection."""
