"""The bundled IPAex fonts registered for batches of many small PDFs.

reportlab copies a whole table out of the font file every time it builds a
subset (IPAex's glyph table is megabytes), and a batch of per-attendee PDFs
builds one subset per file. The faces registered here keep each table after
the first copy, which makes a per-attendee certificate several times faster,
and compress the embedded subset with a fast zlib strategy.
reportlab treats every registration of one face name as the same font, so
these faces get a name of their own and other renderers' fonts stay untouched.
"""

from __future__ import annotations

import threading
import zlib
from typing import Any

from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from facilitator.resources import resource_path

_FILES = {"gothic": "ipaexg.ttf", "mincho": "ipaexm.ttf"}
_lock = threading.Lock()


class _FastFlate:
    """Deflate without string matching (zlib's Z_RLE strategy) for the font subset.

    Glyph outlines hardly repeat, so matching (what zlib spends its time on)
    gains little: for a ~45 KB subset Z_RLE is about 2.5x faster than level 1
    for a file about 10 % larger, still far under the 60 KB a certificate may take.
    """

    pdfname = "FlateDecode"

    def encode(self, text: str | bytes) -> bytes:
        data = text.encode("utf8") if isinstance(text, str) else text
        compressor = zlib.compressobj(1, zlib.DEFLATED, 15, 9, zlib.Z_RLE)
        return compressor.compress(data) + compressor.flush()

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


_FAST_FLATE = _FastFlate()


class _CachingFace(TTFontFace):
    def get_table(self, tag: str | bytes) -> bytes:
        cache: dict[str | bytes, bytes] = self.__dict__.setdefault("_table_cache", {})
        table = cache.get(tag)
        if table is None:
            table = cache[tag] = super().get_table(tag)
        return table

    def addSubsetObjects(self, doc: Any, fontname: str, subset: list[int]) -> Any:
        reference = super().addSubsetObjects(doc, fontname, subset)
        # The stream reportlab just registered under this name; if its naming ever
        # changes, the font simply keeps reportlab's default compression.
        stream = doc.idToObject.get(f"fontFile:{self.filename}({fontname})")
        if isinstance(stream, pdfdoc.PDFStream) and stream.filters:
            stream.filters = [_FAST_FLATE]
        return reference


class _BatchTTFont(TTFont):
    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        # TTFont builds its face itself, and the face is what makes subsets.
        self.face.__class__ = _CachingFace
        self.face.name = self.face.name + b"-Batch"


def batch_font(family: str) -> str:
    """The reportlab name of `family` ("gothic" or "mincho"), registered on first use."""
    name = f"IPAex-{family}-batch"
    with _lock:
        if name not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(_BatchTTFont(name, str(resource_path("fonts", _FILES[family]))))
    return name
