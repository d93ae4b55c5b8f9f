"""The version-1 program link format, written from its specification in program/link.js."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import quote


def checksum(text: str) -> str:
    value = 0x811C9DC5
    for byte in text.encode():
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        value, remainder = divmod(value, 36)
        out = digits[remainder] + out
        if value == 0:
            return out


def escape(text: str) -> str:
    return quote(text, safe="-_!'()*").replace(".", "%2E").replace("~", "%7E")


def fragment(title: str, items: list[dict[str, Any]], episode: str | None = None) -> str:
    parts = ["v1", escape(title) + (f".i{episode}" if episode else "")]
    for item in items:
        part = item["slug"]
        for key in ("s", "r", "h"):
            if item.get(key):
                part += f".{key}{item[key]}"
        if item.get("e"):
            part += ".e1"
        if item.get("t"):
            part += f".t{item['t']}"
        if item.get("times"):
            part += f".{'w' if item.get('per') == 'week' else 'd'}{item['times']}"
        if item.get("l"):
            part += f".l{escape(item['l'])}"
        if item.get("note"):
            part += f".n{escape(item['note'])}"
        parts.append(part)
    return signed(",".join(parts))


def signed(payload: str) -> str:
    """A payload with its checksum, as anyone can make one: the checksum is not a signature."""
    return f"{payload}~{checksum(payload)}"


def episode_in(link: str) -> str:
    """The episode a link carries (the builder makes a new one for each new program)."""
    found = re.search(r"#v1,[^,]*\.i([0-9a-z]+),", link)
    assert found, link
    return found.group(1)
