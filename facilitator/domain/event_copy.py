"""An event copied to a second laptop (`event import`) issues no certificates.

Two laptops numbering certificates for one event would give one number to two
people. Only the laptop the event was copied from issues them; the copy says
why it refuses (docs/records.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from facilitator.errors import InputRejected, Msg

# In Event.settings of the copy.
COPY_FLAG = "records_copy"


def is_copy(settings: Mapping[str, Any] | None) -> bool:
    return bool((settings or {}).get(COPY_FLAG))


def copy_refusal(title: str) -> InputRejected:
    return InputRejected(
        Msg(
            en=f"{title} was copied to this laptop from another one (event import): "
            "certificates are issued only on the laptop it was copied from, so that no "
            "number is given twice. Push this laptop's check-ins to the records and issue "
            "them there.",
            ja=f"「{title}」は別のパソコンからコピーした研修です（event import）。修了証番号が重複"
            "しないよう、修了証はコピー元のパソコンでだけ発行します。このパソコンの受付記録を"
            "記録データベースに送り、コピー元で発行してください。",
        )
    )
