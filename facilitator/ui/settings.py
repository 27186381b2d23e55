"""The app's preferences: the interface language and the recent workspaces."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from facilitator.lang import Lang, parse_lang
from facilitator.paths import user_data_dir

MAX_RECENT = 8


class AppSettings:
    """Preferences kept in an INI file in the user data folder (not the registry)."""

    def __init__(self) -> None:
        path = user_data_dir() / "settings.ini"
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    def lang(self) -> Lang | None:
        value = self._qs.value("ui/lang")
        return parse_lang(str(value)) if value else None

    def set_lang(self, lang: Lang) -> None:
        self._qs.setValue("ui/lang", lang)

    def recent(self) -> list[Path]:
        raw = self._qs.value("workspaces/recent") or []
        items = [raw] if isinstance(raw, str) else list(raw)
        return [Path(p) for p in items if p]

    def add_recent(self, path: Path) -> None:
        items = [p for p in self.recent() if p != path.resolve()]
        self._qs.setValue(
            "workspaces/recent", [str(p) for p in [path.resolve(), *items][:MAX_RECENT]]
        )

    def sync(self) -> None:
        self._qs.sync()
