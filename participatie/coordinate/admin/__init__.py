"""The site admin: projects, accounts, roles and the audit log."""
