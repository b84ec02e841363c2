"""The command line end to end, through a real subprocess and a real SQLite file."""

from __future__ import annotations

import json
import socket
import sqlite3

import pytest

from lagebild.doc import Document, Event, EventActor, Span, validate
from tests.conftest import ROOT, SEED, SHARED, need_shared


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_extract_seed_prints_valid_cleaned_document(cli):
    need_shared()
    r = cli("extract", str(SEED), "--published", "2024-10-14", "--quiet")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    validate(doc)
    assert doc["lang"] == "de" and doc["published"] == "2024-10-14"
    assert doc["kicker"] == "Eine Woche vor BRICS-Gipfel"
    assert doc["title"] == "China und Russland vereinbaren Stärkung ihrer militärischen Zusammenarbeit"
    assert doc["lede"].startswith("Bei einem unangekündigten Treffen am Montag in Peking")
    assert doc["source"]["agency"] == ["afp", "red"]
    assert "(afp/red)" not in doc["text"] and "Getty" not in doc["text"] and "Kommentar" not in doc["text"]
    assert any("via Getty Images" in d for d in doc["dropped"])
    assert doc["text"].startswith(doc["title"])
    assert len(doc["doc_id"]) == 64


def test_extract_id_and_jsonl_from_gold(cli, tmp_path):
    need_shared()
    import subprocess
    import sys

    jsonl = tmp_path / "gold.jsonl"
    jsonl.write_text(subprocess.run([sys.executable, str(SHARED / "tools" / "gold2jsonl.py"), str(SHARED / "gold")],
                                    capture_output=True, text=True, check=True).stdout, encoding="utf-8")
    r = cli("extract", str(jsonl), "--format", "jsonl", "--quiet")
    assert r.returncode == 0, r.stderr
    docs = [json.loads(line) for line in r.stdout.splitlines()]
    gold_ids = sorted(p.stem for p in (SHARED / "gold").glob("*.json"))
    assert sorted(d["doc_id"] for d in docs) == gold_ids
    for d in docs:
        validate(d)
    r = cli("extract", str(SEED), "--id", "my-seed", "--quiet")
    assert json.loads(r.stdout)["doc_id"] == "my-seed"


def test_ingest_is_idempotent_and_show_round_trips(cli, tmp_path):
    need_shared()
    first = cli("ingest", str(SEED), "--published", "2024-10-14")
    assert first.returncode == 0, first.stderr
    assert "1 document(s) stored" in first.stderr
    again = cli("ingest", str(SEED), "--published", "2024-10-14")
    assert again.returncode == 0 and "already stored" in again.stderr
    con = sqlite3.connect(tmp_path / "test.db")
    assert con.execute("select count(*) from documents").fetchone()[0] == 1
    extracted = json.loads(cli("extract", str(SEED), "--published", "2024-10-14", "--quiet").stdout)
    shown = cli("show", extracted["doc_id"])
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == extracted
    assert json.loads(cli("show", extracted["doc_id"][:12]).stdout)["doc_id"] == extracted["doc_id"]


def test_bad_inputs_are_reported_and_the_batch_goes_on(cli, tmp_path):
    need_shared()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (bad / "cp1252.txt").write_bytes(
        "Präsident Müller grüßt die Gäste\n\nDer Außenminister sagte, die Gespräche seien „gut“ verlaufen – "
        "man werde sie fortsetzen. Kosten: 5 €.".encode("cp1252"))
    (bad / "broken-utf8.txt").write_bytes("Grüße aus Berlin. ".encode() * 3 + b"\xff\xfe kaputt " + "Straße".encode())
    (bad / "huge.txt").write_text("Wort " * 5000, encoding="utf-8")
    (bad / "malformed.html").write_text("<html><body><div><p>unclosed <b>tags <i>everywhere</div>", encoding="utf-8")
    (bad / "lines.jsonl").write_text(
        json.dumps({"id": "good-1", "lang": "en", "published": "2024-10-01", "title": "Talks held",
                    "text": "Talks held\n\nThe foreign ministers of France and Germany met in Paris on Monday."}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "good-2", "lang": "de", "published": "2024-10-02", "title": "Treffen",
                      "text": "Treffen\n\nDie Außenminister Frankreichs und Deutschlands trafen sich am Montag in Paris."}) + "\n",
        encoding="utf-8")
    # a document stored before the bad batch must stay as it was
    assert cli("ingest", str(SEED), "--published", "2024-10-14", "-q").returncode == 0
    before = sqlite3.connect(tmp_path / "test.db").execute("select doc_id, text from documents").fetchall()
    url = f"http://127.0.0.1:{_free_port()}/article"
    r = cli("ingest", str(bad / "*"), str(SEED), url, "--allow-private", "--max-bytes", "20000")
    assert r.returncode == 0, r.stderr
    errors = [line for line in r.stderr.splitlines() if line.startswith("error:")]
    by_input = {name: [e for e in errors if name in e] for name in
                ["empty.txt", "image.png", "broken-utf8.txt", "huge.txt", "malformed.html", "lines.jsonl:2", url]}
    for name, lines in by_input.items():
        assert len(lines) == 1, (name, r.stderr)
    assert "PNG" in by_input["image.png"][0]
    assert "byte" in by_input["broken-utf8.txt"][0]
    assert "limit" in by_input["huge.txt"][0]
    assert "Traceback" not in r.stderr
    con = sqlite3.connect(tmp_path / "test.db")
    rows = dict(con.execute("select doc_id, text from documents").fetchall())
    assert {"good-1", "good-2"} <= set(rows)
    assert any("Präsident Müller grüßt" in t and "„gut“" in t and "5 €" in t for t in rows.values())
    for doc_id, text in before:
        assert rows[doc_id] == text
    failures = con.execute("select origin from failures").fetchall()
    assert len(failures) == len(by_input)


def test_exit_status_is_nonzero_only_when_nothing_succeeded(cli, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    r = cli("extract", str(tmp_path / "empty.txt"))
    assert r.returncode == 1
    assert r.stderr.count("error:") == 1 and "empty.txt" in r.stderr and "Traceback" not in r.stderr
    r = cli("extract", str(tmp_path / "missing-*.txt"))
    assert r.returncode == 1 and "Traceback" not in r.stderr


def test_errors_are_one_line_unless_debug(cli):
    r = cli("show", "does-not-exist")
    assert r.returncode == 1
    assert r.stderr.strip().startswith("error:") and len(r.stderr.strip().splitlines()) == 1
    r = cli("extract", "x.txt", "--published", "14.10.2024")
    assert r.returncode == 1 and "--published" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("command", [[], ["extract"], ["ingest"], ["show"], ["events"], ["serve"], ["schema"], ["kb"], ["kb", "build"]])
def test_every_command_has_help(cli, command):
    r = cli(*command, "--help")
    assert r.returncode == 0, r.stderr
    assert "Usage" in r.stdout and "--help" in r.stdout


def _doc_with_events() -> Document:
    text = "Beloussow traf Dong in Peking. Frankreich kritisierte Deutschland."
    doc = Document(doc_id="ev-doc", lang="de", published="2024-10-14", text=text)
    doc.events = [
        Event(id="v1", source=EventActor(country="RUS", code="RUSGOVMIL"), target=EventActor(country="CHN", code="CHNGOVMIL"),
              cameo="042", root="04", goldstein=1.9, quad=1, date="2024-10-14", place="Beijing",
              evidence=Span(start=0, end=30, text=text[:30]), rule="test.042"),
        Event(id="v2", source=EventActor(country="FRA", code="FRA"), target=EventActor(country="DEU", code="DEU"),
              cameo="111", root="11", goldstein=-2.0, quad=3, date="2023-05-01", place=None,
              evidence=Span(start=31, end=len(text), text=text[31:]), rule="test.111"),
    ]
    return doc


def test_events_command_filters_and_formats(cli, tmp_path):
    from lagebild.store import Store

    with Store(f"sqlite:///{tmp_path / 'test.db'}") as store:
        store.migrate()
        store.add(_doc_with_events(), origin="test")
    rows = json.loads(cli("events", "--format", "json").stdout)
    assert {r["cameo"] for r in rows} == {"042", "111"}
    rows = json.loads(cli("events", "--actor", "CHN", "--format", "json").stdout)
    assert [r["cameo"] for r in rows] == ["042"]
    rows = json.loads(cli("events", "--root", "11", "--format", "json").stdout)
    assert [r["source_code"] for r in rows] == ["FRA"]
    rows = json.loads(cli("events", "--since", "2024-01-01", "--until", "2024-12-31", "--format", "json").stdout)
    assert [r["event_id"] for r in rows] == ["v1"]
    csv_out = cli("events", "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("doc_id,event_id,date") and len(csv_out) == 3
    table = cli("events").stdout
    assert "RUSGOVMIL" in table and "042" in table


def test_schema_command_prints_the_shipped_schema(cli):
    from lagebild.doc import shipped_schema

    assert json.loads(cli("schema").stdout) == shipped_schema()


def test_examples_ingest(cli, tmp_path):
    r = cli("ingest", str(ROOT / "examples" / "articles"))
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(tmp_path / "test.db")
    langs = {row[0] for row in con.execute("select lang from documents")}
    assert langs == {"de", "en"}


def test_lagebild1_records_are_stored_as_they_are_and_checked(cli, tmp_path):
    good = _doc_with_events().to_json()
    bad = _doc_with_events().to_json()
    bad["doc_id"] = "tampered"
    bad["events"][0]["evidence"]["text"] = "Something the article never said"
    f = tmp_path / "export.jsonl"
    f.write_text(json.dumps(good, ensure_ascii=False) + "\n" + json.dumps(bad, ensure_ascii=False) + "\n", encoding="utf-8")
    r = cli("ingest", str(f))
    assert r.returncode == 0, r.stderr
    assert "export.jsonl:2: not a valid lagebild/1 document: event v1" in r.stderr
    assert json.loads(cli("show", "ev-doc").stdout) == good  # not extracted again: events kept exactly
