"""decode_bytes: binaries refused, BOMs honoured, UTF-8 first, cp1252 only when it is safe."""

from __future__ import annotations

import codecs

import pytest

from lagebild.ingest import InputRefused, decode_bytes
from lagebild.ingest.decode import decode_with_charset

GERMAN = "Präsident Müller grüßt „alle“ – 5 € für die Kasse.\nÄrger über Öl und Übermut."
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(40))


def refused(data: bytes) -> str:
    with pytest.raises(InputRefused) as e:
        decode_bytes(data, "x.txt")
    return str(e.value)


def test_utf8_plain_and_newlines() -> None:
    assert decode_bytes("a\r\nb\rc\nä".encode(), "x") == "a\nb\nc\nä"


def test_empty_and_whitespace() -> None:
    assert refused(b"") == "empty file"
    assert refused(b" \r\n\t ") == "no text"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (PNG, "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3", "PDF document"),
        (b"PK\x03\x04\x14\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00", "gzip archive"),
        (b"text with a \x00 NUL", "contains NUL bytes"),
    ],
)
def test_binary_refused(data: bytes, what: str) -> None:
    assert refused(data) == f"binary file ({what}), not text"


def test_boms() -> None:
    assert decode_bytes(codecs.BOM_UTF8 + GERMAN.encode(), "x") == GERMAN
    assert decode_bytes(GERMAN.encode("utf-16"), "x") == GERMAN  # BOM written by the codec
    assert decode_bytes(codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), "x") == GERMAN


def test_cp1252_german_exact() -> None:
    assert decode_bytes(GERMAN.encode("cp1252"), "x") == GERMAN


def test_cp1252_with_accidental_utf8_pair() -> None:
    # "ß“" is 0xDF 0x93 in cp1252, which is also well-formed UTF-8 (an NKo letter).
    text = "Er sagte „Grüß“ – und ging."
    assert decode_bytes(text.encode("cp1252"), "x") == text


def test_invalid_utf8_mixed_with_valid_multibyte() -> None:
    data = "Größe: ".encode() + b"\xe4 und mehr"
    assert refused(data) == f"invalid UTF-8 at byte {len('Größe: '.encode())}"


def test_cp1252_undefined_byte_refused() -> None:
    assert refused(b"abc\x81def") == "invalid UTF-8 at byte 3"


def test_declared_charset_used_and_latin1_means_cp1252() -> None:
    assert decode_with_charset(GERMAN.encode("cp1252"), "iso-8859-1") == GERMAN
    assert decode_with_charset("Привет".encode("koi8-r"), "koi8-r") == "Привет"
    # A wrong declaration falls back to the usual rules.
    assert decode_with_charset(GERMAN.encode(), "iso-8859-1") == GERMAN
