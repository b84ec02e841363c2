"""UD part-of-speech evaluation: the CoNLL-U reader, the tag mapping into our coarse set, and the
accuracy the rule tagger reaches on UD German GSD and English EWT (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.eval.pos import evaluate, lang_of, read_conllu

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
UD = SHARED / "data"

# Written for this test: a contraction (im = in + dem), a split form (didn't), SYM, a main-verb
# "hat" (AUX by our convention) and an English possessive pronoun.
DE = """# text = Er hat im Mai 5 % gewonnen.
1\tEr\ter\tPRON\t_\t_\t0\t_\t_\t_
2\that\thaben\tVERB\t_\t_\t0\t_\t_\t_
3-4\tim\t_\t_\t_\t_\t_\t_\t_\t_
3\tin\tin\tADP\t_\t_\t0\t_\t_\t_
4\tdem\tder\tDET\t_\t_\t0\t_\t_\t_
5\tMai\tMai\tPROPN\t_\t_\t0\t_\t_\t_
6\t5\t5\tNUM\t_\t_\t0\t_\t_\t_
7\t%\t%\tSYM\t_\t_\t0\t_\t_\tSpaceAfter=No
8\tgewonnen\tgewinnen\tVERB\t_\t_\t0\t_\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_

"""

EN = """# text = We didn't see their car.
1\tWe\twe\tPRON\t_\t_\t0\t_\t_\t_
2-3\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
2\tdid\tdo\tAUX\t_\t_\t0\t_\t_\t_
3\tn't\tnot\tPART\t_\t_\t0\t_\t_\t_
4\tsee\tsee\tVERB\t_\t_\t0\t_\t_\t_
5\ttheir\tthey\tPRON\t_\tPoss=Yes|PronType=Prs\t0\t_\t_\t_
6\tcar\tcar\tNOUN\t_\t_\t0\t_\t_\tSpaceAfter=No
7\t.\t.\tPUNCT\t_\t_\t0\t_\t_\t_
"""


def test_reader_resolves_multiword_tokens(tmp_path: Path) -> None:
    de = tmp_path / "de_x-ud-test.conllu"
    de.write_text(DE, encoding="utf-8")
    en = tmp_path / "en_x-ud-test.conllu"
    en.write_text(EN, encoding="utf-8")
    (s,) = read_conllu(de)
    assert s.text.startswith("Er hat im Mai")
    assert [(t.form, t.upos) for t in s.tokens][2] == ("im", "ADP")  # contraction: its first part's tag
    (e,) = read_conllu(en)
    assert [t.form for t in e.tokens][1:3] == ["did", "n't"]  # parts that spell the token stay apart
    assert lang_of(de) == "de" and lang_of(en) == "en"


def test_evaluate_maps_gold_tags_to_our_conventions(tmp_path: Path) -> None:
    de = tmp_path / "de_x-ud-test.conllu"
    de.write_text(DE, encoding="utf-8")
    en = tmp_path / "en_x-ud-test.conllu"
    en.write_text(EN, encoding="utf-8")
    result = evaluate([de, en])
    assert result["tokens"] == 8 + 7 and result["aligned"] + result["unaligned"] == result["tokens"]
    # hat (gold VERB) counts as AUX, % (SYM) as PUNCT, their (possessive PRON) as DET
    assert result["tags"]["AUX"]["gold"] == 2 and result["tags"]["DET"]["gold"] >= 1
    assert "SYM" not in result["tags"] and result["acc"] > 0.8


@pytest.mark.skipif(not UD.exists(), reason="../shared/data (UD treebanks) not available")
def test_accuracy_on_ud_dev() -> None:
    de = evaluate([UD / "ud_german_gsd" / "de_gsd-ud-dev.conllu"])
    en = evaluate([UD / "ud_english_ewt" / "en_ewt-ud-dev.conllu"])
    assert de["acc"] >= 0.88 and de["unaligned"] / de["tokens"] < 0.03
    assert en["acc"] >= 0.85 and en["unaligned"] / en["tokens"] < 0.03
