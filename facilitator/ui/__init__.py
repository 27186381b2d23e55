"""PySide6 widgets. Views lay out widgets and call services through the runner."""
