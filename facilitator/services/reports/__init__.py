"""Reports after the day: the event report, the attendees' drafts, the department digests."""
