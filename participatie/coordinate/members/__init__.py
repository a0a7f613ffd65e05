"""A project's members, and the translators a coordinator adds and removes per language."""
