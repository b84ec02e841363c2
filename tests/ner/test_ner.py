"""The CRF NER: BIO decoding, readers, a tiny smoke training, and `lagebild eval ner` on a GermEval-format file."""
from __future__ import annotations

import json
from pathlib import Path

from lagebild.ner.data import read_germeval, to_bio
from lagebild.ner.model import NerModel, bio_spans
from lagebild.ner.train import prf, tag_all, train_model

GERMEVAL = """#\thttp://example.org\t[2024-10-14]
1\tAngela\tB-PER\tO
2\tMerkel\tI-PER\tO
3\treiste\tO\tO
4\tnach\tO\tO
5\tParis\tB-LOC\tO
6\t.\tO\tO

#\thttp://example.org\t[2024-10-14]
1\tDie\tO\tO
2\tdeutsche\tB-LOCderiv\tO
3\tRegierung\tO\tO
4\tund\tO\tO
5\tSiemens\tB-ORG\tO
6\tstimmten\tO\tO
7\tzu\tO\tO
8\t.\tO\tO

"""


def test_bio_spans_and_iob1() -> None:
    assert bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-LOC"]) == [(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC")]
    assert to_bio(["I-ORG", "I-ORG", "O", "I-PER"]) == ["B-ORG", "I-ORG", "O", "B-PER"]


def test_germeval_reader_maps_deriv_to_o(tmp_path: Path) -> None:
    f = tmp_path / "g.tsv"
    f.write_text(GERMEVAL, encoding="utf-8")
    sents = list(read_germeval(f))
    assert sents[0][1] == ["B-PER", "I-PER", "O", "O", "B-LOC", "O"]
    assert sents[1][1][1] == "O"


def test_smoke_training(tmp_path: Path) -> None:
    f = tmp_path / "g.tsv"
    f.write_text(GERMEVAL, encoding="utf-8")
    sents = list(read_germeval(f)) * 5
    out = train_model(sents, tmp_path / "m.crfsuite", params={"max_iterations": 30})
    assert prf(sents, tag_all(out, sents, None))["f1"] == 1.0


def test_shipped_models_load() -> None:
    for lang in ("de", "en"):
        m = NerModel.load(lang)
        assert m is not None
        assert m.tag(["Hallo", "Welt"]) and len(m.tag(["a", "b", "c"])) == 3


def test_eval_ner_cli(cli, tmp_path: Path) -> None:
    f = tmp_path / "g.tsv"
    f.write_text(GERMEVAL, encoding="utf-8")
    r = cli("eval", "ner", str(f), "--json")
    assert r.returncode == 0, r.stderr
    res = json.loads(r.stdout)
    assert set(res) >= {"p", "r", "f1"} and 0.0 <= res["f1"] <= 1.0
    r = cli("eval", "ner", str(f))
    assert r.returncode == 0 and "F1" in r.stdout
