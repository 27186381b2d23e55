"""Distinct short sounds for the door: a rising chime (in), two beeps (already in), a low buzz (desk).

Generated once as small WAV files (no sound files to ship or license) and
played with QSoundEffect, which does not block the GUI thread.
"""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtMultimedia import QSoundEffect

RATE = 22050
# style -> notes as (frequency Hz, seconds); 0 Hz is a pause.
TUNES: dict[str, tuple[tuple[float, float], ...]] = {
    "ok": ((880.0, 0.09), (1318.5, 0.16)),
    "warn": ((660.0, 0.1), (0.0, 0.06), (660.0, 0.1)),
    "error": ((196.0, 0.35),),
}


def tone_wav(notes: tuple[tuple[float, float], ...], path: Path) -> None:
    frames = bytearray()
    for freq, seconds in notes:
        count = int(RATE * seconds)
        for i in range(count):
            fade = min(1.0, i / 200, (count - i) / 200)  # no clicks at the edges
            value = math.sin(2 * math.pi * freq * i / RATE) * 0.4 * fade if freq else 0.0
            frames += struct.pack("<h", int(value * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))


class Chimes(QObject):
    def __init__(self, folder: Path | None = None) -> None:
        super().__init__()
        self._folder = folder or Path(tempfile.gettempdir()) / "facilitator-sounds"
        self._effects: dict[str, QSoundEffect] = {}

    def play(self, style: str) -> None:
        effect = self._effects.get(style)
        if effect is None:
            notes = TUNES.get(style)
            if notes is None:
                return
            path = self._folder / f"{style}.wav"
            if not path.exists():
                self._folder.mkdir(parents=True, exist_ok=True)
                tone_wav(notes, path)
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[style] = effect
        effect.play()
