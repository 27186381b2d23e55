"""Persistence: SQLAlchemy models, the workspace file, migrations."""
