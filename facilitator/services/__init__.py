"""Units of work, one module per area. Each public method opens one session,
commits, and returns plain data (dataclasses), never live ORM objects."""
