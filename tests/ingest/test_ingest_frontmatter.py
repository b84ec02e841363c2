"""Front matter on plain-text articles carries their metadata."""

from __future__ import annotations

from lagebild.ingest import ReadOptions, read_inputs
from lagebild.ingest.base import InputError, RawDoc


def test_front_matter_sets_fields_and_leaves_the_body(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("---\nid: art-1\nlang: de\npublished: 2025-02-18\ntitle: Titel\n---\nTitel\n\nText hier.\n", encoding="utf-8")
    [doc] = list(read_inputs([str(f)]))
    assert isinstance(doc, RawDoc)
    assert (doc.doc_id, doc.lang, doc.published, doc.title) == ("art-1", "de", "2025-02-18", "Titel")
    assert doc.body == "Titel\n\nText hier.\n"


def test_command_line_options_win_over_front_matter(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("---\npublished: 2025-02-18\n---\nText.\n", encoding="utf-8")
    [doc] = list(read_inputs([str(f)], ReadOptions(published="2024-01-01")))
    assert doc.published == "2024-01-01"


def test_bad_front_matter_is_an_input_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("---\npublished: [\n---\nText.\n", encoding="utf-8")
    g = tmp_path / "b.txt"
    g.write_text("---\nauthor: X\n---\nText.\n", encoding="utf-8")
    errors = list(read_inputs([str(f), str(g)]))
    assert all(isinstance(e, InputError) for e in errors)
    assert "front matter" in errors[0].reason and "author" in errors[1].reason


def test_dashes_later_in_a_text_are_not_front_matter(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("Titel\n---\nText.\n---\n", encoding="utf-8")
    [doc] = list(read_inputs([str(f)]))
    assert doc.body.startswith("Titel") and doc.published is None
