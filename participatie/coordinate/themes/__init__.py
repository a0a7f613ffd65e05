"""Themes (bevindingen): statements grouped under a title within a domain."""
