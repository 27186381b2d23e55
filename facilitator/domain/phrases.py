"""Japanese phrase boundaries for line breaking (BudouX).

Japanese has no spaces, and breaking between any two characters splits words
such as 時間 or ください across lines on slides and certificates. BudouX
(Google's small, dictionary-free model) says where the phrases are.
"""

from __future__ import annotations

from functools import cache, lru_cache

import budoux

WORD_JOINER = "\u2060"


@cache
def _parser() -> budoux.Parser:
    return budoux.load_default_japanese_parser()


def phrases(line: str) -> list[str]:
    """The phrases of one line of text, in order; their concatenation is `line`."""
    return _parser().parse(line) if line else []


@lru_cache(maxsize=1024)
def keep_phrases_together(text: str) -> str:
    """`text` with a WORD JOINER between the characters of each phrase.

    A layout engine that follows Unicode line breaking (Qt does) then breaks
    lines only between phrases or at spaces. Joiners are never put next to a
    space, so Latin words still break where they normally would.
    """
    out_lines = []
    for line in text.split("\n"):
        pieces = []
        for phrase in phrases(line):
            for index, char in enumerate(phrase):
                if index and not char.isspace() and not phrase[index - 1].isspace():
                    pieces.append(WORD_JOINER)
                pieces.append(char)
        out_lines.append("".join(pieces))
    return "\n".join(out_lines)
