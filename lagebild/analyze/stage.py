"""The analyze stage: sentences and tokens (SoMaJo), lemmas (simplemma) and coarse POS.

Built once per language and worker by `make_analyzer`; it holds the tokenizer, the tagger and
their caches, and sets ``doc.layers["sentences"]`` to a list of `Sentence`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import regex
import simplemma
from somajo import SoMaJo

from lagebild import lang as langdata
from lagebild.analyze.align import align
from lagebild.analyze.model import Sentence, Token
from lagebild.analyze.segment import blocks
from lagebild.analyze.tagger import HanTaTagger, RuleTagger
from lagebild.doc import Document

_SOMAJO_LANGS = {"de": "de_CMC", "en": "en_PTB"}


def _load_list(lang: str, name: str) -> list[str]:
    """Optional word list `name` of `lang` (a YAML list, or a .txt file with one entry a line)."""
    try:
        data = langdata.load(lang, name)
        return [str(x) for x in data] if isinstance(data, list) else []
    except FileNotFoundError:
        p = langdata.path(lang, f"{name}.txt")
        if not p.exists():
            return []
        lines = p.read_text(encoding="utf-8").splitlines()
        return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def _false_abbreviations(tokenizer: SoMaJo) -> frozenset[str]:
    """Capitalised forms ("Iran.") of SoMaJo abbreviations listed only in lowercase ("iran.")
    whose stem is a word of three letters or more: at a sentence end these are a name and a full stop."""
    from somajo import utils

    try:
        entries = utils.read_abbreviation_file(f"abbreviations_{tokenizer.language[:2]}.txt")
    except (OSError, AttributeError):
        return frozenset()
    listed = set(entries)
    out = set()
    for a in entries:
        if a.endswith(".") and "." not in a[:-1] and len(a) > 3 and a[0].islower() and a[:-1].isalpha():
            cap = a[0].upper() + a[1:]
            if cap not in listed:
                out.add(cap)
    return frozenset(out)


_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


def _fast_emoji_check(somajo: SoMaJo) -> None:
    """Skip SoMaJo's per-grapheme emoji scan on tokens without any emoji character.

    That scan calls ``regex.search`` with an uncompiled pattern for every character and took
    over half of the stage's time on news text. A token with no character of the scan's classes
    yields no split, so skipping it changes nothing. Bound on this instance only.
    """
    tok = getattr(somajo, "_tokenizer", None)
    original = getattr(tok, "_split_emojis", None)
    if original is None:
        return
    search = _EMOJI.search

    def split_emojis(node: Any, token_class: str = "emoticon") -> None:
        if search(node.value.text):
            original(node, token_class)

    tok._split_emojis = split_emojis


class Analyzer:
    """Stage ``analyze``: tokenise, split sentences, align offsets, lemmatise and tag."""

    name = "analyze"

    def __init__(self, lang: str) -> None:
        self.lang = lang
        cfg: dict[str, Any] = langdata.load(lang, "analyze")
        self.config = cfg
        self._split_lines = bool(cfg.get("split_lines", True))
        self._tokenizer = SoMaJo(cfg.get("tokenizer") or _SOMAJO_LANGS[lang], split_camel_case=False, split_sentences=True)
        _fast_emoji_check(self._tokenizer)
        self._no_split_after = frozenset(a.lower() for a in _load_list(lang, "abbreviations"))
        self._false_abbreviations = _false_abbreviations(self._tokenizer)
        self.finite_aux = frozenset(str(w).lower() for w in cfg.get("finite_aux", []))
        lem_cache: dict[str, str] = {}

        def lemmatize(word: str) -> str:
            lemma = lem_cache.get(word)
            if lemma is None:
                lemma = lem_cache[word] = simplemma.lemmatize(word, lang=lang) if word else word
            return lemma

        def is_known(word: str) -> bool:
            return bool(word) and simplemma.is_known(word, lang=lang)

        self._lemmatize: Callable[[str], str] = lemmatize
        tagger = cfg.get("pos_tagger", "rules")
        self._tagger: RuleTagger | HanTaTagger = (
            HanTaTagger(lemmatize) if tagger == "hanta" and lang == "de" else RuleTagger(cfg, lemmatize, is_known)
        )
        lemmatize("Haus")  # load simplemma's dictionary now, not on the first document

    def __call__(self, doc: Document) -> Document:
        doc.layers["sentences"] = self.sentences(doc.text, [(h.start, h.end) for h in doc.headings])
        return doc

    def sentences(self, text: str, headings: list[tuple[int, int]] | None = None) -> list[Sentence]:
        """The sentences of `text`; `headings` are spans that form sentences of their own."""
        out: list[Sentence] = []
        tokenize = self._tokenizer.tokenize_text
        tag = self._tagger.tag
        for b_start, b_end in blocks(text, headings or (), split_lines=self._split_lines):
            pos = b_start
            for toks in self._repair(tokenize([text[b_start:b_end]])):
                spans, pos = align(text, [t[0] for t in toks], pos, b_end)
                words = [text[s:e] for s, e in spans]
                lemmas, tags = tag(words, [t[1] for t in toks])
                tokens = [
                    Token(s, e, w, lm, tg, text[e:e + 1].isspace())
                    for (s, e), w, lm, tg in zip(spans, words, lemmas, tags)
                ]
                if tokens:
                    out.append(Sentence(tokens[0].start, tokens[-1].end, tokens))
        return out

    def _repair(self, raw: Iterable[list[Any]]) -> list[list[tuple[str, str]]]:
        """SoMaJo sentences of one block as (surface, token class) lists, with two fixes.

        SoMaJo matches its abbreviation list case-insensitively, so "Iran." or "Japan." (from
        "iran." = iranisch) becomes one token and a sentence end is lost: a capitalised token
        found only as a lowercase abbreviation is split into word and full stop, and ends the
        sentence when a capitalised word follows. Then a sentence that ends in one of our
        never-final abbreviations ("Dr.", "Nr.") is joined to the next.
        """
        sentences: list[list[tuple[str, str]]] = []
        false_abbr = self._false_abbreviations
        for sent in raw:
            cur: list[tuple[str, str]] = []
            n = len(sent)
            for i, t in enumerate(sent):
                surface = t.original_spelling or t.text
                if t.token_class == "abbreviation" and surface in false_abbr:
                    nxt = sent[i + 1].text if i + 1 < n else ""
                    if not nxt or nxt[:1].isupper() or not nxt[:1].isalnum():
                        cur.append((surface[:-1], "regular"))
                        cur.append((".", "symbol"))
                        if nxt[:1].isupper():
                            sentences.append(cur)
                            cur = []
                        continue
                cur.append((surface, t.token_class))
            if cur:
                sentences.append(cur)
        merged: list[list[tuple[str, str]]] = []
        for sent in sentences:
            if merged and merged[-1][-1][0].lower() in self._no_split_after:
                merged[-1].extend(sent)
            else:
                merged.append(sent)
        return merged

    def is_finite_aux(self, token: Token) -> bool:
        """Whether `token` is a finite form of an auxiliary or modal verb of this language."""
        return token.pos == "AUX" and token.text.lower() in self.finite_aux


def make_analyzer(lang: str) -> Analyzer:
    """The analyze stage for `lang` (heavy objects are built here, once)."""
    return Analyzer(lang)
