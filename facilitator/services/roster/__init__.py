"""The roster: attendees, importing and exporting the file, AM/PM assignment, printed papers."""
