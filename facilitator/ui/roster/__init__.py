"""The roster tab: attendees, the import dialog and the per-session lists."""
