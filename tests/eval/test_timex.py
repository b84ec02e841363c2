"""WikiWarsDE (TIMEX2) evaluation: the reader, the TIMEX2 → TIMEX3 value converter, and the scores
the German tagger reaches on the corpus (skipped when ../shared is not there)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.eval.timex import Timex2, comparability, evaluate, match, read_corpus, read_document, timex2_to_timex3

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
WIKIWARS = SHARED / "data" / "wikiwarsde_timex2" / "WikiWarsDE_20110412.tar.xz"

DOC = """<DOC>
<DOCID>t</DOCID>
<DATETIME> <TIMEX2 val="2011-02-16T17:00:00">2011-02-16T17:00:00</TIMEX2> </DATETIME>
<TEXT>
Er wurde am <TIMEX2 val="1950-06-25">25. Juni 1950</TIMEX2> begonnen und bis <TIMEX2 val="PRESENT_REF" anchor_val="2011-02-16" anchor_dir="AS_OF">heute</TIMEX2> nicht beendet. <TIMEX2 val="1939" mod="END">Ende 1939 </TIMEX2>.
</TEXT>
</DOC>
"""


def test_read_document_offsets() -> None:
    doc = read_document(DOC)
    assert doc.doc_id == "t" and doc.dct == "2011-02-16"
    assert [(t.text, t.val) for t in doc.timexes] == [("25. Juni 1950", "1950-06-25"), ("heute", "PRESENT_REF"),
                                                     ("Ende 1939", "1939")]
    for t in doc.timexes:
        assert doc.text[t.start:t.end] == t.text
    assert "<" not in doc.text


@pytest.mark.parametrize("val,expected", [
    ("1939-09-01", "1939-09-01"), ("1939-09", "1939-09"), ("1939", "1939"), ("196", "196"), ("19", "19"),
    ("BC0264", "BC0264"), ("1940-SU", "1940-SU"), ("1945-05-08TNI", "1945-05-08TNI"),
    ("2011-02-16T17:00:00", "2011-02-16T17:00"), ("1916-XX-XXT07:30", "1916-XX-XXT07:30"),
    ("P3D", "P3D"), ("PXY", "PXY"), ("P1Y6M", "P1Y6M"), ("PT2H30M", "PT2H30M"), ("P2DE", "P2DE"),
    ("XXXX-WXX-1", "XXXX-WXX-1"), ("PRESENT_REF", "PRESENT_REF"), ("PAST_REF", "PAST_REF"),
    ("FUTURE_REF", "FUTURE_REF"), ("1918-H2", "1918-H2"),
    ("P2NI", None), ("", None), (None, None), ("irgendwann", None),
])
def test_timex2_to_timex3(val: str | None, expected: str | None) -> None:
    assert timex2_to_timex3(val) == expected


def test_comparability() -> None:
    assert comparability(Timex2(0, 1, "x", {"val": "1939"})) is None
    assert comparability(Timex2(0, 1, "x", {"val": "1939", "mod": "END"})) == "mod"
    assert comparability(Timex2(0, 1, "x", {"val": "PRESENT_REF", "anchor_val": "2011-02-16"})) == "anchor"
    assert comparability(Timex2(0, 1, "x", {"val": "P1D", "set": "yes"})) == "set"
    assert comparability(Timex2(0, 1, "x", {"val": "P45D", "non_specific": ""})) == "non_specific"
    assert comparability(Timex2(0, 1, "x", {})) == "no_val"
    assert comparability(Timex2(0, 1, "x", {"val": "P2NI"})) == "unconvertible"


def test_match_one_to_one() -> None:
    gold = [(10, 20), (30, 35)]
    assert match(gold, [(10, 20), (28, 36)], strict=True) == [(0, 0)]
    assert match(gold, [(8, 20), (28, 36), (31, 33)], strict=False) == [(0, 0), (1, 1)]


def test_evaluate_small_document() -> None:
    r = evaluate([read_document(DOC)])
    assert r["relaxed"]["tp"] == 3 and r["strict_noprep"]["tp"] == 3
    assert r["value"] == {"acc": 1.0, "n": 1, "excluded": 2, "excluded_by": {"anchor": 1, "mod": 1}}


# Reached on all 22 documents (DCT = each document's DATETIME, 2011-02-16); floors sit just below.
FLOORS = {"strict": 0.30, "strict_noprep": 0.865, "relaxed": 0.945, "value": 0.89}


def test_wikiwarsde_scores() -> None:
    if not WIKIWARS.exists():
        pytest.skip(f"WikiWarsDE not available at {WIKIWARS}")
    r = evaluate(read_corpus(WIKIWARS))
    assert r["documents"] == 22 and r["gold"] == 2217
    for key in ("strict", "strict_noprep", "relaxed"):
        assert r[key]["f1"] >= FLOORS[key], r
    assert r["value"]["acc"] >= FLOORS["value"], r
    assert r["value"]["n"] >= 1700 and r["value"]["excluded"] == 330, r
