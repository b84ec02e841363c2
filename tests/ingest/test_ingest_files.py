"""read_inputs on local files: formats, refusals, size cap, directories, globs, overrides."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lagebild.ingest import InputError, RawDoc, ReadOptions, read_inputs

GERMAN = "Präsident Müller grüßt „alle“ – 5 € für die Kasse."
SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def read_all(*specs: str, **opts: object) -> tuple[list[RawDoc], list[InputError]]:
    """Run read_inputs and split its output into documents and errors."""
    items = list(read_inputs(list(specs), ReadOptions(**opts)))  # type: ignore[arg-type]
    return [i for i in items if isinstance(i, RawDoc)], [i for i in items if isinstance(i, InputError)]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    path.write_bytes(data)
    return path


def one_error(*specs: str, **opts: object) -> InputError:
    docs, errors = read_all(*specs, **opts)
    assert docs == [] and len(errors) == 1, (docs, errors)
    return errors[0]


def test_plain_text(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", "Titel\r\n\r\nText.\r\n")
    docs, errors = read_all(str(f))
    assert errors == []
    assert [(d.origin, d.kind, d.body) for d in docs] == [(str(f), "text", "Titel\n\nText.\n")]


def test_empty_file(tmp_path: Path) -> None:
    f = write(tmp_path / "empty.txt", b"")
    assert str(one_error(str(f))) == f"{f}: empty file"


def test_png_file(tmp_path: Path) -> None:
    f = write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01")
    assert one_error(str(f)).reason == "binary file (PNG image), not text"


def test_cp1252_file_decoded_exactly(tmp_path: Path) -> None:
    f = write(tmp_path / "alt.txt", GERMAN.encode("cp1252"))
    docs, errors = read_all(str(f))
    assert errors == [] and docs[0].body == GERMAN


def test_invalid_utf8_reports_offset(tmp_path: Path) -> None:
    data = "Grüße ".encode() + b"\xff\xfe und so"
    f = write(tmp_path / "bad.txt", data)
    err = one_error(str(f))
    assert err.reason == f"invalid UTF-8 at byte {len('Grüße '.encode())}"
    assert "Traceback" not in str(err)


def test_file_over_cap_refused_without_reading(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:
        fh.truncate(2_000_000_000)  # sparse: costs no disk, but reading it would take seconds
    start = time.monotonic()
    err = one_error(str(f))
    assert time.monotonic() - start < 0.5
    assert err.reason == "file is 2 GB, over the 10 MB limit (--max-bytes)"


def test_small_cap_message(tmp_path: Path) -> None:
    f = write(tmp_path / "a.txt", "x" * 12_345)
    assert one_error(str(f), max_bytes=1000).reason == "file is 12.3 kB, over the 1 kB limit (--max-bytes)"
    docs, _ = read_all(str(f), max_bytes=12_345)
    assert len(docs[0].body) == 12_345


def test_missing_path_and_empty_glob(tmp_path: Path) -> None:
    assert one_error(str(tmp_path / "nope.txt")).reason == "no such file or directory"
    assert one_error(str(tmp_path / "*.nothing")).reason == "glob matched no files"


def test_malformed_html_still_html(tmp_path: Path) -> None:
    html = "<html><head><title>T</title><body><p>Unclosed <b>bold <div>mess</p></span>"
    f = write(tmp_path / "page.html", html)
    docs, errors = read_all(str(f))
    assert errors == [] and docs[0].kind == "html" and docs[0].body == html


def test_html_sniffed_despite_extension(tmp_path: Path) -> None:
    f = write(tmp_path / "page.txt", "<!DOCTYPE html>\n<html><body><p>Hallo</p></body></html>")
    docs, _ = read_all(str(f))
    assert docs[0].kind == "html"
    fragment = write(tmp_path / "frag.txt", "<p>Eins</p>\n<p>Zwei <a href='x'>Link</a></p>")
    assert read_all(str(fragment))[0][0].kind == "html"
    prose = write(tmp_path / "prose.txt", "The tag <b> makes text bold, a < b and b > a.")
    assert read_all(str(prose))[0][0].kind == "text"


def test_jsonl_with_a_malformed_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "a1", "lang": "de", "published": "2024-01-02", "title": "Eins", "text": "Erster Text."}),
        "",
        '{"id": "a2", "text": "kaputt"',
        json.dumps({"doc_id": "a3", "text": "Dritter Text.", "url": "https://example.org/3", "section": "Politik"}),
        json.dumps({"id": "a4", "text": "   "}),
        json.dumps(["not", "an", "object"]),
    ]
    f = write(tmp_path / "articles.jsonl", "\n".join(lines) + "\n")
    docs, errors = read_all(str(f))
    assert [(d.origin, d.doc_id) for d in docs] == [(f"{f}:1", "a1"), (f"{f}:4", "a3")]
    assert (docs[0].lang, docs[0].published, docs[0].title, docs[0].body) == ("de", "2024-01-02", "Eins", "Erster Text.")
    assert docs[1].url == "https://example.org/3" and docs[1].meta == {"section": "Politik"}
    assert [e.origin for e in errors] == [f"{f}:3", f"{f}:5", f"{f}:6"]
    assert str(errors[0]).startswith(f"{f}:3: invalid JSON (")
    assert errors[1].reason == '"text" is empty'
    assert errors[2].reason == "not a JSON object (got a list)"


def test_jsonl_sniffed_in_txt_and_json_file(tmp_path: Path) -> None:
    rec = {"id": "x", "text": "Text."}
    t = write(tmp_path / "lines.txt", json.dumps(rec) + "\n" + json.dumps(rec | {"id": "y"}) + "\n")
    assert [d.doc_id for d in read_all(str(t))[0]] == ["x", "y"]
    one = write(tmp_path / "one.json", json.dumps(rec, indent=2))
    docs, _ = read_all(str(one))
    assert [(d.origin, d.doc_id, d.body) for d in docs] == [(str(one), "x", "Text.")]
    many = write(tmp_path / "many.json", json.dumps([rec, {"title": "ohne"}]))
    docs, errors = read_all(str(many))
    assert [d.origin for d in docs] == [f"{many}#item-1"]
    assert str(errors[0]) == f'{many}#item-2: no "text" field'
    broken = write(tmp_path / "broken.json", '{"text": ')
    assert one_error(str(broken)).reason.startswith("invalid JSON (")


def test_directory_recursive_sorted_filtered(tmp_path: Path) -> None:
    d = tmp_path / "in"
    write(d / "b.txt", "B")
    write(d / "a.html", "<html><body>A</body></html>")
    write(d / "sub" / "c.text", "C")
    write(d / "sub" / "image.png", b"\x89PNG\r\n\x1a\n")  # unknown extension: ignored silently
    write(d / "notes.md", "ignored")
    write(d / ".hidden.txt", "hidden")
    write(d / ".git" / "x.txt", "hidden dir")
    docs, errors = read_all(str(d))
    assert errors == []
    assert [Path(x.origin).relative_to(d).as_posix() for x in docs] == ["a.html", "b.txt", "sub/c.text"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert one_error(str(empty)).reason.startswith("directory has no input files")


def test_globs_and_dedup(tmp_path: Path) -> None:
    write(tmp_path / "x" / "1.txt", "eins")
    write(tmp_path / "x" / "2.txt", "zwei")
    write(tmp_path / "x" / "deep" / "3.txt", "drei")
    write(tmp_path / "x" / "4.dat", "vier")
    docs, errors = read_all(str(tmp_path / "x" / "*.txt"))
    assert errors == [] and [d.body for d in docs] == ["eins", "zwei"]
    docs, _ = read_all(str(tmp_path / "x" / "**" / "*.txt"))
    assert sorted(d.body for d in docs) == ["drei", "eins", "zwei"]
    docs, _ = read_all(str(tmp_path / "x" / "*.dat"))  # a glob takes what it matches
    assert [d.body for d in docs] == ["vier"]
    docs, _ = read_all(str(tmp_path / "x"), str(tmp_path / "x" / "1.txt"))
    assert sorted(d.body for d in docs) == ["drei", "eins", "zwei"]


def test_errors_do_not_stop_the_batch(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "gut")
    empty = write(tmp_path / "empty.txt", b"")
    items = list(read_inputs([str(empty), str(tmp_path / "missing"), str(good)], ReadOptions()))
    assert [type(i).__name__ for i in items] == ["InputError", "InputError", "RawDoc"]


def test_overrides_and_doc_id_numbering(tmp_path: Path) -> None:
    f = write(tmp_path / "a.jsonl", "\n".join(json.dumps({"id": f"i{n}", "lang": "en", "text": "t"}) for n in range(3)))
    docs, _ = read_all(str(f), lang="de", published="2024-05-01", doc_id="mine")
    assert [d.doc_id for d in docs] == ["mine", "mine-2", "mine-3"]
    assert {(d.lang, d.published) for d in docs} == {("de", "2024-05-01")}
    single = write(tmp_path / "b.txt", "t")
    assert read_all(str(single), doc_id="solo")[0][0].doc_id == "solo"


def test_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert one_error(str(fifo)).reason == "not a regular file"


@pytest.mark.skipif(not (SHARED / "gold").is_dir(), reason=f"shared gold data not found at {SHARED}")
def test_gold2jsonl_output(tmp_path: Path) -> None:
    out = tmp_path / "gold.jsonl"
    with open(out, "wb") as fh:
        subprocess.run(
            [sys.executable, str(SHARED / "tools" / "gold2jsonl.py"), str(SHARED / "gold")], stdout=fh, check=True
        )
    gold = sorted((SHARED / "gold").glob("*.json"))
    docs, errors = read_all(str(out))
    assert errors == []
    assert len(docs) == len(gold) > 0
    first = json.loads(gold[0].read_text(encoding="utf-8"))
    d = docs[0]
    assert isinstance(d, RawDoc) and d.origin == f"{out}:1" and d.kind == "text"
    assert (d.doc_id, d.lang, d.published, d.title) == (first["doc"], first["lang"], first["published"], first.get("title"))
    assert d.body == first["text"]


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    class FakeStdin:
        buffer = io.BytesIO(GERMAN.encode("cp1252"))

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    docs, errors = read_all("-")
    assert errors == [] and [(d.origin, d.body) for d in docs] == [("<stdin>", GERMAN)]


def test_utf16_file_and_declared_legacy_charset(tmp_path: Path) -> None:
    f = write(tmp_path / "u16.txt", GERMAN.encode("utf-16"))
    assert read_all(str(f))[0][0].body == GERMAN
    page = '<html><head><meta charset="koi8-r"></head><body><p>Привет, мир</p></body></html>'
    g = write(tmp_path / "ru.html", page.encode("koi8-r"))
    docs, errors = read_all(str(g))
    assert errors == [] and docs[0].body == page and docs[0].kind == "html"


def test_prose_mentioning_markup_stays_text(tmp_path: Path) -> None:
    f = write(tmp_path / "prose.txt", "Feeds start with <rss version='2.0'> and pages with <html lang='de'>.")
    docs, errors = read_all(str(f))
    assert errors == [] and docs[0].kind == "text"
