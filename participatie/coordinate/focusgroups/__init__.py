"""Focus groups: groups, attendees, live capture of quotes and transcript import."""
