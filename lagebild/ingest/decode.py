"""Bytes to text for every reader: refuse binaries, honour BOMs, UTF-8 first, cp1252 only when safe.

The rules are deliberately conservative: a wrong guess silently produces mojibake that flows
into the event dataset, while a refusal is one clear error line the user can act on.
"""

from __future__ import annotations

import codecs
import re

from lagebild.ingest.base import InputRefused

# (magic prefix, what it is). Checked before anything else so a PNG never reaches a decoder.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"PK\x07\x08", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
)

# Longest BOMs first: the UTF-32 LE BOM starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Well-formed UTF-8 multibyte sequences (no overlongs, no surrogates, max U+10FFFF).
_UTF8_MULTI = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]"
    rb"|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}"
    rb"|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)

# Control characters that never occur in real text (tab, newline, CR, form feed are fine).
_BAD_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")

# Labels that browsers treat as windows-1252 (WHATWG Encoding Standard): iso-8859-1 declared
# pages routinely contain „“–€ in 0x80–0x9F, which Python's latin-1 would turn into C1 controls.
_CP1252_ALIASES = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"}

_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.+-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_:.+-]+)""",
    re.IGNORECASE,
)


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, so offsets downstream count one char per line break."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def refuse_binary(data: bytes, origin: str = "") -> None:
    """Raise InputRefused for empty input or input that is evidently not text."""
    if not data:
        raise InputRefused("empty response" if _is_url(origin) else "empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputRefused(f"binary file ({what}), not text")
    # UTF-16/32 text is full of NULs; only a BOM tells it apart from binary.
    if _bom(data) is None and b"\x00" in data:
        raise InputRefused("binary file (contains NUL bytes), not text")


def peek_text(data: bytes, limit: int = 4096) -> str:
    """A lenient decode of the first `limit` bytes, good enough to sniff the format, never raises."""
    bom = _bom(data)
    if bom is not None:
        enc, skip = bom
        # Keep the slice aligned to the code unit size so the tail does not become garbage.
        return data[skip : skip + limit - limit % 4].decode(enc, errors="replace")
    return data[:limit].decode("utf-8", errors="replace")


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML ``<meta>`` or an XML declaration names in the first 2 KB, if any."""
    m = _DECLARED.search(data[:2048])
    if not m:
        return None
    label = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def decode_bytes(data: bytes, origin: str = "") -> str:
    """Decode one input to text with LF newlines, or raise InputRefused with a one-line reason.

    BOMs win; then strict UTF-8; then cp1252, but only for data with no UTF-8 multibyte
    sequence (legacy Windows text) whose cp1252 reading is printable. Anything else is
    refused with the byte offset of the first invalid UTF-8 byte rather than guessed.
    """
    refuse_binary(data, origin)
    bom = _bom(data)
    if bom is not None:
        enc, skip = bom
        try:
            text = data[skip:].decode(enc)
        except UnicodeDecodeError as e:
            raise InputRefused(f"invalid {enc.upper().replace('-LE', '').replace('-BE', '')} at byte {e.start + skip}") from None
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as e:
            text = _cp1252_or_refuse(data, e.start)
    return _finish(text)


def decode_with_charset(data: bytes, charset: str | None, origin: str = "") -> str:
    """Decode with a charset a server or document declared; fall back to `decode_bytes` rules.

    A declared charset is only a hint. Valid UTF-8 still wins (servers default to
    "iso-8859-1" for pages that are UTF-8, and text in a legacy charset is practically never
    valid UTF-8 by accident); the declared charset comes next; if the data is not valid in it
    either, the usual rules decide.
    """
    refuse_binary(data, origin)
    if charset is None or _bom(data) is not None:
        return decode_bytes(data, origin)
    try:
        return _finish(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    label = charset.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return decode_bytes(data, origin)
    if label in _CP1252_ALIASES or name in ("latin-1", "iso8859-1", "ascii", "cp1252"):
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")  # cannot fail: every byte is defined
        if _BAD_CONTROLS.search(text):
            return decode_bytes(data, origin)
        return _finish(text)
    try:
        text = data.decode(name)
    except UnicodeDecodeError:
        return decode_bytes(data, origin)
    return _finish(text)


def _finish(text: str) -> str:
    text = normalise_newlines(text)
    if not text.strip():
        raise InputRefused("no text")
    return text


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc, len(bom)
    return None


def _cp1252_or_refuse(data: bytes, bad_at: int) -> str:
    refusal = InputRefused(f"invalid UTF-8 at byte {bad_at}")
    if any(_is_utf8_evidence(m.group()) for m in _UTF8_MULTI.finditer(data)):
        # Real UTF-8 mixed with broken bytes: a cp1252 reading would mangle the good part.
        raise refusal
    try:
        text = data.decode("cp1252")  # strict: 0x81 0x8D 0x8F 0x90 0x9D are undefined
    except UnicodeDecodeError:
        raise refusal from None
    if _BAD_CONTROLS.search(text):
        raise refusal
    return text


def _is_utf8_evidence(seq: bytes) -> bool:
    """Whether a well-formed multibyte sequence is a plausible UTF-8 character.

    cp1252 text can form a well-formed sequence by accident, above all German "ß" (0xDF)
    before a quote or dash: „Grüß“ has 0xDF 0x93, which is UTF-8 for U+07D3 (NKo script).
    Such accidents decode to C1 controls or to NKo, neither of which occurs in news text,
    so they do not count as evidence that the file is UTF-8.
    """
    ch = seq.decode("utf-8")
    cp = ord(ch)
    return not (0x80 <= cp <= 0x9F or 0x07C0 <= cp <= 0x07FF)


def _is_url(origin: str) -> bool:
    return origin.startswith(("http://", "https://"))
