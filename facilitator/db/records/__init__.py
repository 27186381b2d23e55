"""The records database: every training's events, people and certificates in one place.

A separate database from the workspace, with its own models and its own Alembic
migrations (version table `records_alembic_version`), on SQLite (the default
file `records.sqlite` in the user data folder) or PostgreSQL (the records team's
server). See docs/records.md.
"""
