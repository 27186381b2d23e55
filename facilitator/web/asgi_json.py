"""Reading and answering JSON on the plain ASGI endpoints that skip Starlette's Request.

The burst endpoints (check-in and feedback posts) sit under `BodyLimit`, which
has already read and bounded the body; they answer with exactly the bytes
Starlette's JSONResponse would send.
"""

from __future__ import annotations

import json
from typing import Any

from facilitator.web.security import Caller, Receive, Send

_JSON = (b"content-type", b"application/json")


def is_json(caller: Caller) -> bool:
    """Whether the body is declared JSON: a cross-site page can send `text/plain` or a
    form without asking the server first, but not `application/json`."""
    media = caller.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    return media == "application/json"


async def read_body(receive: Receive) -> bytes:
    # BodyLimit has already read (and bounded) the body; this takes it as delivered.
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


async def read_json(receive: Receive) -> Any:
    """The body as JSON; ValueError for anything that is not (bad UTF-8, bad JSON, or
    arrays nested thousands deep, which json reports as RecursionError)."""
    try:
        return json.loads(await read_body(receive))
    except (UnicodeDecodeError, RecursionError) as exc:
        raise ValueError("malformed JSON") from exc


def json_bytes(content: dict[str, Any]) -> bytes:
    # Byte for byte what Starlette's JSONResponse renders.
    return json.dumps(
        content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode("utf-8")


async def send_json(
    send: Send, status: int, content: dict[str, Any], *extra: tuple[bytes, bytes]
) -> None:
    await send_json_bytes(send, status, json_bytes(content), *extra)


async def send_json_bytes(
    send: Send, status: int, body: bytes, *extra: tuple[bytes, bytes]
) -> None:
    """`body` (already JSON) with the headers Starlette's JSONResponse sends."""
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-length", str(len(body)).encode()), _JSON, *extra],
        }
    )
    await send({"type": "http.response.body", "body": body})
