"""The event every area works on: the event area sets it, the other areas follow it.

Below the views and the composition root alike, so that a view can name the type
without importing `facilitator.app` (which builds the views).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class CurrentEvent(QObject):
    """The event every area works on; the event area changes it, the others follow."""

    changed = Signal(int)

    def __init__(self, event_id: int | None = None) -> None:
        super().__init__()
        self.event_id = event_id

    def set(self, event_id: int | None) -> None:
        if event_id != self.event_id:
            self.event_id = event_id
            if event_id is not None:
                self.changed.emit(event_id)
