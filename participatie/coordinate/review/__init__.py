"""The review queue: suggested codes accepted, rejected or added by hand, with undo."""
