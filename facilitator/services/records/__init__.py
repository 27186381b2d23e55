"""Pushing events into the records database, and what is read back from it."""
