"""Turn the raw bytes of a text-like file into str, refusing binary data and unknown encodings."""
from __future__ import annotations

import codecs

from casefile.errors import SourceError

# Above this share of control characters a "text" file is almost certainly binary data.
MAX_CONTROL_SHARE = 0.10
_CONTROL_CODES = [code for code in range(32) if chr(code) not in "\t\n\r\f\v"] + [0x7F]
_CONTROL_BYTES = bytes(_CONTROL_CODES)
_DROP_CONTROLS = dict.fromkeys(_CONTROL_CODES)


def decode_text(source: str, data: bytes) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM, with line endings normalised to \\n.

    Raises SourceError for empty, binary or undecodable data.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceError(source, f"cannot decode as UTF-16 (byte offset {exc.start})") from exc
        if "\x00" in text or _share(len(text) - len(text.translate(_DROP_CONTROLS)), len(text)):
            raise SourceError(source, "looks like binary data, not text")
    else:
        # Only UTF-16 (handled above) has legitimate NUL bytes.
        if b"\x00" in data or _share(len(data) - len(data.translate(None, _CONTROL_BYTES)), len(data)):
            raise SourceError(source, "looks like binary data, not text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            offset = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
            raise SourceError(
                source, f"cannot decode as UTF-8 (byte 0x{data[offset]:02x} at offset {offset})"
            ) from exc
    text = normalise_newlines(text)
    if not text.strip():
        raise SourceError(source, "empty file")
    return text


def normalise_newlines(text: str) -> str:
    """Turn \\r\\n and lone \\r line endings into \\n."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _share(controls: int, total: int) -> bool:
    return total > 0 and controls / total > MAX_CONTROL_SHARE
