"""The translator's area (issue 16 item 4, issue 22 item 3): per language, what is missing or
changed since it was translated, Dutch beside the translation, and the texts as files."""
