"""Lemmas and coarse part-of-speech tags for tokenised sentences.

The default `RuleTagger` is a light, lexicon-driven tagger: closed-class word lists from
``lang/<xx>/analyze.yaml``, SoMaJo's token classes (numbers, URLs, symbols), capitalisation and
lemma suffixes, with a few neighbour rules for words in two classes. It aims at the questions
downstream rules ask (is this a verb, a finite auxiliary, a noun, a proper noun?), not at
treebank accuracy. Results of the context-free part are cached per word, so a repeated word
costs one dict look-up. `HanTaTagger` (German, optional) runs the HanTa HMM tagger and maps its
STTS tags to the same coarse set; it is several times slower than the whole rule path.

Tag set (`lagebild.analyze.POS_TAGS`): NOUN PROPN VERB AUX ADJ ADP DET PRON CCONJ SCONJ NUM
PUNCT ADV PART X — UD-like; modal verbs and forms of sein/haben/werden (be/have/do/will …) are AUX
whatever their use; symbols are PUNCT; interjections, URLs, foreign material are X.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

# Priority when a word is listed under several classes; neighbour rules correct it later.
_CLOSED_ORDER = ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "NUM", "ADV", "ADJ")

# SoMaJo token classes that decide the tag by themselves.
_CLASS_TAG = {
    "number": "NUM", "ordinal": "NUM", "date": "NUM", "time": "NUM", "amount": "NUM",
    "measurement": "NUM", "semester": "NUM", "symbol": "PUNCT", "URL": "X",
    "email_address": "X", "emoticon": "X", "hashtag": "X", "mention": "X", "XML_tag": "X",
    "XML_entity": "X", "action_word": "X",
}

_CACHE_MAX = 200_000

# Punctuation after which the next word counts as sentence-initial.
_OPENERS = frozenset(['„', '"', '“', '‚', "'", "‘", '«', '»', '(', '[', ':', '–', '—', '-'])

Lemmatizer = Callable[[str], str]


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


class RuleTagger:
    """Lemma and coarse POS per token from word lists, token classes, case and suffixes."""

    def __init__(self, cfg: dict[str, Any], lemmatize: Lemmatizer, is_known: Callable[[str], bool]) -> None:
        self._lemmatize = lemmatize
        self._is_known = is_known
        self._closed: dict[str, str] = {}
        closed = cfg.get("closed", {})
        for tag in _CLOSED_ORDER:
            for w in closed.get(tag, []):
                self._closed.setdefault(str(w).lower(), tag)
        self._adj_suffixes = tuple(cfg.get("adj_suffixes", []))
        self._adv_suffixes = tuple(cfg.get("adv_suffixes", []))
        self._verb_lemma_suffixes = tuple(cfg.get("verb_lemma_suffixes", []))
        self._verb_suffixes = tuple(cfg.get("verb_suffixes", []))
        self._plural_suffixes = tuple(cfg.get("plural_suffixes", []))
        self._capitalised_nouns = bool(cfg.get("capitalised_nouns", False))
        self._adj_endings = tuple(cfg.get("adj_endings", []))
        self._participles = [(str(a), str(b)) for a, b in cfg.get("participles", [])]
        self._finite_aux = frozenset(str(w).lower() for w in cfg.get("finite_aux", []))
        self._degree_suffixes = tuple(cfg.get("degree_suffixes", []))
        ctx = cfg.get("context", {})
        self._relative = frozenset(ctx.get("relative_after_comma", []))
        self._inf = ctx.get("infinitive_particle")
        self._det_or_aux = frozenset(ctx.get("det_or_aux", []))
        self._det_or_pron = frozenset(ctx.get("det_or_pron", []))
        self._complementizer = frozenset(ctx.get("complementizer_after_verb", []))
        self._adp_or_sconj = frozenset(ctx.get("adp_or_sconj", []))
        self._poss_or_is = ctx.get("possessive_or_is")
        self._verb_after = frozenset(str(w).lower() for w in ctx.get("verb_after", []))
        self._copulas = frozenset(str(w).lower() for w in ctx.get("copulas", []))
        self._retag = [
            (frozenset(r["after"]), frozenset(r["tags"]), frozenset(r["before"]), str(r["to"]), tuple(r.get("endings", [])))
            for r in ctx.get("retag", [])
        ]
        self._retag_tags = frozenset(t for r in self._retag for t in r[1])
        self._context_words = frozenset(
            {*self._relative, *self._det_or_aux, *self._det_or_pron, *self._complementizer, *self._adp_or_sconj}
            | ({self._inf} if self._inf else set())
            | ({self._poss_or_is} if self._poss_or_is else set())
        )
        self._cache: dict[tuple[str, bool, str], tuple[str, str]] = {}

    # -- context-free ---------------------------------------------------------------------

    def _open_lower(self, word: str, lemma: str) -> str:
        # Both: "applying" (lemma apply) is no adverb in -ly.
        if self._adv_suffixes and lemma.endswith(self._adv_suffixes) and word.endswith(self._adv_suffixes):
            return "ADV"
        if self._verb_suffixes and word.endswith(self._verb_suffixes) and lemma != word:
            return "VERB"
        if self._verb_lemma_suffixes and lemma.endswith(self._verb_lemma_suffixes) and lemma != word:
            # lemma + ending (vergangen-en) is an inflected adjective or participle; a verb form
            # does not start with its infinitive.
            return "ADJ" if word.startswith(lemma) else "VERB"
        if self._adj_suffixes and lemma.endswith(self._adj_suffixes) and not (
            self._plural_suffixes and lemma != word and word.endswith(self._plural_suffixes)
        ):
            return "ADJ"
        if self._adj_endings and lemma == word and word.endswith(self._adj_endings) and not self._is_known(word):
            # An inflected adjective the lemmatizer does not know (sudanesischen): its stem
            # still ends in an adjective suffix.
            if any(word.endswith(e) and word[: -len(e)].endswith(self._adj_suffixes) for e in self._adj_endings):
                return "ADJ"
        if self._verb_lemma_suffixes and lemma == word and word.endswith(self._verb_lemma_suffixes):
            return "VERB"  # an infinitive
        if self._degree_suffixes and lemma != word and word.endswith(self._degree_suffixes):
            return "ADJ"  # a comparative or superlative (larger, best)
        if self._plural_suffixes and lemma != word:
            # English: an inflected form is a plural noun or a verb (met, said, left).
            return "NOUN" if word.endswith(self._plural_suffixes) else "VERB"
        if self._capitalised_nouns:
            # German lowercase open words that are neither verbs nor suffixed adjectives: an
            # inflected form is an adjective (größte → groß), a bare one an adverb-like word.
            return "ADJ" if lemma != word else "ADV"
        return "NOUN"

    def _word(self, word: str, initial: bool, cls: str) -> tuple[str, str]:
        tag = _CLASS_TAG.get(cls)
        if tag is not None:
            return word, tag
        if not any(c.isalnum() for c in word):
            return word, "PUNCT"
        if word[0].isdigit():
            return word, "NUM"
        if _is_acronym(word):
            return word, "PROPN"
        low = word.lower()
        closed = self._closed.get(low)
        # A capitalised closed-class word inside a sentence is still one (Sie, Ihre), except
        # where the capital marks a homographic noun (Laut, Dank, Morgen) or a name (New York, May).
        if closed is not None and (initial or not word[0].isupper() or closed not in ("ADV", "ADP", "ADJ", "AUX")):
            return self._lemmatize(word), closed
        lemma = self._lemmatize(word)
        if cls == "abbreviation":
            return lemma, (("NOUN" if self._capitalised_nouns else "PROPN") if word[0].isupper() else "X")
        if word[0].isupper():
            if initial and lemma[:1].islower():
                return lemma, self._open_lower(low, lemma)
            # A hyphen compound is classed by its last part; "Ein-" (truncated) by itself.
            head = (word.rsplit("-", 1)[-1] if "-" in word else word) or word
            if self._capitalised_nouns:
                if head[:1].islower():  # chinesisch-russischen style compounds of adjectives
                    return lemma, self._open_lower(head, self._lemmatize(head))
                return lemma, ("NOUN" if self._is_known(head) else "PROPN")
            if initial and lemma[:1].islower() and self._is_known(low):
                return lemma, self._open_lower(low, lemma)
            return lemma, "PROPN"
        if self._participles and lemma == word:
            inf = self._participle_of(word)
            if inf is not None:
                return inf, "VERB"
        return lemma, self._open_lower(word, lemma)

    def _participle_of(self, word: str) -> str | None:
        # The lemmatizer keeps participles it also knows as adjectives (annulliert, vertieft):
        # where the ending rewritten to an infinitive's gives a known verb lemma, it is that verb.
        if len(word) < 7:
            return None
        for ending, inf_ending in self._participles:
            if word.endswith(ending):
                inf = word[: -len(ending)] + inf_ending
                if self._is_known(inf) and self._lemmatize(inf) == inf:
                    return inf
        return None

    # -- per sentence ---------------------------------------------------------------------

    def tag(self, words: Sequence[str], classes: Sequence[str]) -> tuple[list[str], list[str]]:
        """Lemmas and tags of one sentence's tokens."""
        cache = self._cache
        if len(cache) > _CACHE_MAX:
            cache.clear()
        lemmas: list[str] = []
        tags: list[str] = []
        context_at: list[int] = []
        retag_at: list[int] = []
        rt = self._retag_tags
        cw = self._context_words
        # Sentence-initial capitals are not evidence of a noun; a word after opening quotes or
        # a colon starts a (quoted) sentence too.
        initial = True
        for i, (w, c) in enumerate(zip(words, classes)):
            key = (w, initial, c)
            hit = cache.get(key)
            if hit is None:
                hit = cache[key] = self._word(w, initial, c)
            lemmas.append(hit[0])
            tags.append(hit[1])
            initial = hit[1] == "PUNCT" and (initial or w in _OPENERS)
            if w.lower() in cw:
                context_at.append(i)
            if hit[1] in rt:
                retag_at.append(i)
        for i in context_at:
            tags[i] = self._context(words, tags, i)
        if self._verb_after:
            va = self._verb_after
            cop = self._copulas
            for i in range(1, len(words)):
                if tags[i] in ("NOUN", "ADJ") and words[i][:1].islower() and words[i - 1].lower() in va:
                    # "is not available", "is it possible": an adjective predicated by a copula
                    if tags[i] == "ADJ" and i > 1 and words[i - 2].lower() in cop:
                        continue
                    tags[i] = "VERB"
        if retag_at:
            for rule in self._retag:
                self._retag_between(rule, retag_at, words, lemmas, tags)
        return lemmas, tags

    @staticmethod
    def _retag_between(rule: tuple[frozenset[str], frozenset[str], frozenset[str], str, tuple[str, ...]],
                       at: list[int], words: Sequence[str], lemmas: list[str], tags: list[str]) -> None:
        # A lowercase word whose neighbours' tags leave only one reading (die bewaffneten Männer:
        # an attributive participle between determiner and noun). `endings` limit it to inflected
        # forms with those endings. Right to left, so a chain before one noun resolves from the noun.
        prev, cand, nxt, to, endings = rule
        last = len(words) - 1
        for i in reversed(at):
            if 0 < i < last and tags[i] in cand and tags[i + 1] in nxt and tags[i - 1] in prev and words[i][:1].islower() and (
                not endings or (words[i].endswith(endings) and lemmas[i] != words[i])
            ):
                tags[i] = to

    def _context(self, words: Sequence[str], tags: list[str], i: int) -> str:
        low = words[i].lower()
        nxt = words[i + 1] if i + 1 < len(words) else ""
        nxt_tag = tags[i + 1] if i + 1 < len(words) else "PUNCT"
        prev_tag = tags[i - 1] if i > 0 else ""
        if low in self._relative and i > 0 and words[i - 1] == ",":
            # ", die Regierung werde die …": a finite auxiliary right after the noun with more
            # words behind it is the verb-second clause of reported speech, not a (verb-final)
            # relative clause, so the article is a determiner.
            if (i + 3 < len(words) and tags[i + 1] in ("NOUN", "PROPN") and words[i + 2].lower() in self._finite_aux
                    and tags[i + 3] != "PUNCT"):
                return "DET"
            return "PRON"
        if low == self._inf:
            return "PART" if nxt[:1].islower() and nxt_tag in ("VERB", "AUX", "ADJ", "NOUN", "ADV") and nxt_tag != "ADP" else "ADP"
        if low in self._det_or_aux:
            return "AUX" if nxt_tag == "PUNCT" else "DET"
        if low in self._complementizer and prev_tag in ("VERB", "ADJ") and nxt_tag not in ("NOUN", "ADJ"):
            return "SCONJ"  # said that the …, clear that …; but: saw that film
        if low in self._adp_or_sconj:
            # after he met …, after meeting …; after the meeting
            return "SCONJ" if nxt_tag in ("PRON", "VERB", "AUX") else "ADP"
        if low in self._det_or_pron:
            return "DET" if nxt[:1].isupper() or nxt_tag in ("ADJ", "NOUN", "PROPN") else "PRON"
        if low == self._poss_or_is:
            return "AUX" if prev_tag == "PRON" else "PART"
        return tags[i]


# STTS (HanTa) → coarse tags; a tag not listed here maps to X.
_STTS = {
    "NN": "NOUN", "NE": "PROPN", "ADJA": "ADJ", "ADJD": "ADJ", "ADV": "ADV", "PAV": "ADV",
    "PROAV": "ADV", "PWAV": "ADV", "APPR": "ADP", "APPRART": "ADP", "APPO": "ADP", "APZR": "ADP",
    "ART": "DET", "PDAT": "DET", "PIAT": "DET", "PIDAT": "DET", "PPOSAT": "DET", "PRELAT": "DET",
    "PWAT": "DET", "PDS": "PRON", "PIS": "PRON", "PPER": "PRON", "PRF": "PRON", "PPOSS": "PRON",
    "PRELS": "PRON", "PWS": "PRON", "KON": "CCONJ", "KOKOM": "CCONJ", "KOUS": "SCONJ",
    "KOUI": "SCONJ", "CARD": "NUM", "PTKZU": "PART", "PTKNEG": "PART", "PTKVZ": "PART",
    "PTKANT": "PART", "PTKA": "PART", "$.": "PUNCT", "$,": "PUNCT", "$(": "PUNCT",
}


class HanTaTagger:
    """German POS from HanTa (STTS mapped to the coarse set); lemmas still from simplemma so both
    taggers give the same lemmas. Needs `HanTa` and `numpy` installed."""

    def __init__(self, lemmatize: Lemmatizer) -> None:
        from HanTa import HanoverTagger  # optional dependency, imported only when chosen

        self._tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        self._lemmatize = lemmatize

    def tag(self, words: Sequence[str], classes: Sequence[str]) -> tuple[list[str], list[str]]:
        tagged = self._tagger.tag_sent(list(words), taglevel=1)
        tags: list[str] = []
        for _w, _l, stts in tagged:
            base = stts.split("(", 1)[0]
            tags.append(_STTS.get(base) or ("VERB" if base.startswith("VV") else "AUX" if base.startswith(("VA", "VM")) else "X"))
        lemmas = [w if t in ("PUNCT", "NUM") else self._lemmatize(w) for w, t in zip(words, tags)]
        return lemmas, tags
