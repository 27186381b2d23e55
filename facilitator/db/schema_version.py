"""What this build knows about workspace schemas, readable without Alembic.

Opening a current workspace compares its stored revision with HEAD_REVISION
and never loads Alembic; `tests/unit/test_migrations.py` keeps these constants
equal to the migration scripts.
"""

# "FCLT": marks an SQLite file as a Facilitator workspace (PRAGMA application_id).
APPLICATION_ID = 0x46434C54
HEAD_REVISION = "0005_stable_ids"
KNOWN_REVISIONS = (
    "0001_initial",
    "0002_phone_trust",
    "0003_refusal_attempts",
    "0004_assignment_stability",
    "0005_stable_ids",
)
