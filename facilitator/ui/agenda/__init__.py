"""The agenda's windows: the editor, the presenter console and the audience window."""
