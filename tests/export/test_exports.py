"""Exports on documents built with lagebild.doc: GDELT 2.0, PLOVER, CSV, Parquet, lagebild/1 JSONL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from lagebild.doc import Document
from lagebild.export import export
from lagebild.export.common import numeric_id
from lagebild.export.gdelt import GDELT_COLUMNS, gdelt_row
from lagebild.store import Store
from tests.conftest import cli  # noqa: F401 - fixture
from tests.store.conftest import make_doc, store_url  # noqa: F401 - store_url is a fixture

ADDED = dt.datetime(2024, 10, 15, 8, 30, 0, tzinfo=dt.UTC)


@pytest.fixture
def filled(store_url: str) -> Store:  # noqa: F811
    store = Store(store_url)
    store.migrate()
    store.add(make_doc("sep", event_date="2024-09-30"))
    store.add(make_doc("oct", event_date="2024-10"))
    store.add(Document(doc_id="plain", lang="en", text="Nothing happened."))
    yield store
    store.close()


def _export(store: Store, fmt: str, **kw: str) -> str:
    buf = io.StringIO()
    export(store, fmt, buf, added=ADDED, **kw)  # type: ignore[arg-type]
    return buf.getvalue()


def test_gdelt_has_61_columns_in_gdelt_order(filled: Store) -> None:
    lines = _export(filled, "gdelt").splitlines()
    assert len(lines) == 4  # 2 documents × 2 events
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in lines]
    assert all(len(line.split("\t")) == 61 for line in lines)
    assert GDELT_COLUMNS[:6] == ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate", "Actor1Code")
    assert GDELT_COLUMNS[25:31] == ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale")
    assert GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL") and GDELT_COLUMNS[51] == "ActionGeo_Type"
    visit = rows[2]  # "sep", v1
    assert visit["GlobalEventID"] == str(numeric_id("sep", "v1"))
    assert (visit["Day"], visit["MonthYear"], visit["Year"]) == ("20240930", "202409", "2024")
    assert visit["FractionDate"] == "2024.7486"
    assert (visit["Actor1Code"], visit["Actor1Name"], visit["Actor1CountryCode"]) == ("RUSGOVMIL", "Andrei Beloussow", "RUS")
    assert (visit["Actor1Type1Code"], visit["Actor1Type2Code"], visit["Actor1Type3Code"]) == ("GOV", "MIL", "")
    assert (visit["Actor2Code"], visit["Actor2CountryCode"], visit["Actor2Name"]) == ("CHN", "CHN", "")
    assert (visit["EventCode"], visit["EventBaseCode"], visit["EventRootCode"]) == ("042", "042", "04")
    assert (visit["QuadClass"], visit["GoldsteinScale"], visit["NumMentions"], visit["AvgTone"]) == ("1", "1.9", "1", "")
    assert visit["IsRootEvent"] == "1"  # in the first paragraph after the title
    # Action geography in FIPS 10-4 (China = CH), type 4 = world city.
    assert (visit["ActionGeo_Type"], visit["ActionGeo_FullName"], visit["ActionGeo_CountryCode"]) == ("4", "Beijing", "CH")
    assert (visit["ActionGeo_Lat"], visit["ActionGeo_Long"], visit["ActionGeo_FeatureID"]) == ("39.91", "116.4", "1816670")
    assert visit["Actor1Geo_Type"] == "0" and visit["Actor1Geo_FullName"] == ""
    assert (visit["DATEADDED"], visit["SOURCEURL"]) == ("20241015083000", "https://example.org/a")
    # A month-only or missing event date falls back to the publication day.
    assert rows[0]["Day"] == "20241014" and rows[1]["Day"] == "20241014"
    nato = rows[3]
    assert (nato["Actor1Code"], nato["Actor1KnownGroupCode"], nato["Actor2Code"], nato["ActionGeo_Type"]) == ("NATO", "NATO", "", "0")
    # Filters as in `lagebild events`.
    assert len(_export(filled, "gdelt", root="11").splitlines()) == 2
    assert len(_export(filled, "gdelt", since="2024-10-01").splitlines()) == 1


def test_gdelt_skips_undated_events() -> None:
    doc = make_doc(published=None, event_date=None)
    assert gdelt_row(doc, doc.events[0], ADDED) is None


def test_plover_records(filled: Store) -> None:
    recs = [json.loads(line) for line in _export(filled, "plover").splitlines()]
    assert len(recs) == 2  # the NATO events have no PLOVER type
    rec = next(r for r in recs if r["doc_id"] == "sep")
    assert rec["id"] == "sep:v1" and rec["date"] == "2024-09-30"
    assert rec["event"] == ["CONSULT"] and rec["mode"] == ["visit"] and rec["context"] == ["military"]
    assert rec["actor"] == [
        {
            "code": "RUS", "sector": "GOV", "other_sector_codes": ["MIL"], "entity_text": "Beloussow",
            "identifier_id": None, "identifier_text": "Andrei Beloussow", "office": None, "cameo_code": "RUSGOVMIL",
        }
    ]
    assert rec["recipient"][0]["code"] == "CHN" and rec["recipient"][0]["identifier_text"] is None
    assert rec["event_loc"] == {
        "extracted_place": "Peking", "resolved_place": "Beijing", "geonameid": 1816670,
        "lat": 39.91, "lon": 116.4, "country_code": "CHN",
    }
    assert rec["event_text"] == ["Beloussow war in Peking eingetroffen"]
    assert rec["text_info"]["end"] - rec["text_info"]["start"] == len(rec["event_text"][0])
    assert rec["quad_code"] == 1 and rec["coder"] == "de.verb.eintreffen" and rec["cameo"] == "042"
    assert rec["cite_info"]["language"] == "de" and rec["cite_info"]["publication"] == "AFP"
    assert rec["coded_date"] == "2024-10-15"


def test_plover_auxiliary_mode() -> None:
    from lagebild.export.plover import plover_record

    doc = make_doc()
    doc.events[0].modality = "negated"
    rec = plover_record(doc, doc.events[0])
    assert rec is not None and rec["mode"] == ["visit", "negation"]


def test_csv_and_parquet_have_the_same_flat_rows(filled: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from lagebild.export.flat import FLAT_FIELDS

    rows = list(csv.DictReader(io.StringIO(_export(filled, "csv"))))
    assert len(rows) == 4 and tuple(rows[0]) == FLAT_FIELDS
    path = tmp_path / "events.parquet"
    with open(path, "wb") as fh:
        assert export(filled, "parquet", fh) == 4
    table = pq.read_table(path)
    assert tuple(table.column_names) == FLAT_FIELDS and table.num_rows == 4
    got = table.to_pylist()
    for c, p in zip(rows, got):
        assert c["doc_id"] == p["doc_id"] and c["event_id"] == p["event_id"]
        assert c["source_sectors"] == ";".join(p["source_sectors"])
    visit = next(p for p in got if (p["doc_id"], p["event_id"]) == ("sep", "v1"))
    assert visit["place_lat"] == 39.91 and visit["goldstein"] == 1.9 and visit["quad"] == 1
    assert visit["source_name"] == "Andrei Beloussow" and visit["plover_context"] == ["military"]
    nato = next(p for p in got if (p["doc_id"], p["event_id"]) == ("sep", "v2"))
    assert nato["target_code"] is None and nato["target_sectors"] == [] and nato["place_lat"] is None
    # An empty selection still has every column.
    with open(path, "wb") as fh:
        assert export(filled, "parquet", fh, actor="XXX") == 0
    assert tuple(pq.read_table(path).column_names) == FLAT_FIELDS


def test_jsonl_round_trip(filled: Store, tmp_path: Path, cli) -> None:  # noqa: F811 - fixture
    text = _export(filled, "jsonl")
    assert len(text.splitlines()) == 3  # all documents, also those without events
    export_file = tmp_path / "export.jsonl"
    export_file.write_text(text, encoding="utf-8")
    fresh_url = f"sqlite:///{tmp_path / 'fresh.db'}"
    for expected in ("3 document(s) stored", "0 document(s) stored"):
        r = cli("ingest", "--db", fresh_url, str(export_file))
        assert r.returncode == 0 and expected in r.stderr, r.stderr
    with Store(fresh_url) as fresh:
        for doc in filled.iter_documents():
            back = fresh.get(doc.doc_id)
            assert back is not None and back.to_json() == doc.to_json()
    # With a filter: whole documents that have a matching event.
    assert [json.loads(line)["doc_id"] for line in _export(filled, "jsonl", since="2024-10").splitlines()] == ["oct"]


def test_bad_filter_is_a_value_error(filled: Store) -> None:
    with pytest.raises(ValueError):
        _export(filled, "csv", since="last week")


def test_cli_export(cli, tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'test.db'}") as store:
        store.migrate()
        store.add(make_doc("sep", event_date="2024-09-30"))
    r = cli("export", "--format", "gdelt", "--actor", "RUS")
    assert r.returncode == 0, r.stderr
    assert [len(line.split("\t")) for line in r.stdout.splitlines()] == [61]
    r = cli("export", "-f", "parquet")
    assert r.returncode == 1 and "--output" in r.stderr
    r = cli("export", "-f", "parquet", "-o", str(tmp_path / "x.parquet"))
    assert r.returncode == 0 and "2 record(s)" in r.stderr
    r = cli("export", "-f", "csv", "--since", "gestern")
    assert r.returncode == 1 and "since" in r.stderr
