"""Meetings parents can come to: invitations, reminders by SMS and e-mail, attendance."""
