"""The passive voice: an auxiliary with a participle ("wurde festgenommen", "was arrested"), and its
kin the perfect infinitive ("soll geflohen sein").

One reader for the event coder and the quote extractor. What marks the passive in a language (the
auxiliary's lemmas and forms, where it stands, the participle's endings) is data in
``lagebild/lang/<lang>/passive.yaml``; the code holds no words of any language.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from lagebild import lang as langdata
from lagebild.analyze import Token


@dataclass(frozen=True, slots=True)
class Passive:
    """The passive cues of one language (``passive.yaml``)."""

    auxiliary_lemmas: frozenset[str]
    auxiliary_forms: frozenset[str]
    past_forms: frozenset[str]
    auxiliary_window: int | None  # None: anywhere in the clause
    auxiliary_follows: bool
    participle_endings: tuple[str, ...]
    infinitive_endings: tuple[str, ...]
    active_participle_endings: tuple[str, ...]
    perfect_lemmas: frozenset[str]
    perfect_infinitive_aux: frozenset[str]

    def auxiliary_form(self, t: Token) -> bool:
        """Whether `t` is a form of the passive auxiliary, whatever its tag."""
        return t.lemma.lower() in self.auxiliary_lemmas and t.text.casefold() in self.auxiliary_forms

    def auxiliary(self, t: Token) -> bool:
        """Whether `t` is tagged as the passive auxiliary (any of its forms)."""
        return t.pos == "AUX" and t.lemma.lower() in self.auxiliary_lemmas

    def perfect_infinitive(self, aux: Token, prev: Token) -> bool:
        """Whether `aux`, right after `prev`, closes a perfect infinitive ("soll … geflohen sein",
        "sollen … verhaftet worden sein"): after a modal it tells of the past, it plans nothing."""
        low = aux.text.casefold()
        return (low in self.perfect_infinitive_aux and low == aux.lemma.casefold()
                and prev.pos in ("VERB", "AUX", "ADV", "ADJ") and prev.text[:1].islower()
                and prev.text.casefold() != prev.lemma.casefold())

    def participle_form(self, t: Token, tagged: bool = False) -> bool:
        """Whether `t` has the form of a passive participle: one of the language's endings, or where
        it lists none, any form other than the lemma (or one the tagger read as a participle,
        `tagged`), but no infinitive."""
        if self.participle_endings:
            form = t.text.endswith(self.participle_endings)
        else:
            form = t.text != t.lemma or tagged
        return form and not (self.infinitive_endings and t.text.endswith(self.infinitive_endings))

    def in_clause(self, ctoks: Sequence[Token], ti: int, participle: bool = False) -> bool:
        """Whether the verb (or clause-final participle, `participle`) `ctoks[ti]` is passive in its
        clause `ctoks`, by word forms alone (event triggers are often tagged as adjectives)."""
        trig = ctoks[ti]
        if trig.pos not in ("VERB", "ADJ") and not participle:
            return False
        if any(t.text.casefold() in self.past_forms for t in ctoks):
            return True
        if not self.participle_form(trig, participle):
            return False
        if self.auxiliary_window is None:
            return any(self.auxiliary_form(t) for t in ctoks)
        prev = ctoks[max(0, ti - self.auxiliary_window):ti]
        return any(self.auxiliary_form(t) for t in prev) and prev[-1].lemma.lower() not in self.perfect_lemmas

    def of_verb(self, toks: Sequence[Token], i: int, last: int, a: int, b: int,
                stop: Callable[[int], bool]) -> bool:
        """Whether the tagged verb `toks[i]` (a verb group ending at `last`) is a passive participle in
        the span [a, b): its auxiliary stands before it in the same clause, with no other verb
        between (`stop` ends the search at a clause break or coordinator: "was arrested in May, and
        promised" is no passive of "promised"), or right after it where the language allows."""
        t = toks[i]
        low = t.text.lower()
        if t.pos != "VERB" or low == t.lemma.lower() or (self.active_participle_endings and
                                                         low.endswith(self.active_participle_endings)):
            return False
        x = i - 1
        while x >= a and not (stop(x) or toks[x].pos == "VERB"):
            if self.auxiliary(toks[x]):
                return True
            x -= 1
        after = last + 1  # "war berichtet worden", "…, wie berichtet wurde"
        return self.auxiliary_follows and after < b and self.auxiliary(toks[after])


@functools.cache
def load_passive(lang: str) -> Passive:
    """The passive cues of `lang` (cached; raises FileNotFoundError without passive.yaml)."""
    d = langdata.load(lang, "passive")

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w) for w in d.get(key) or ())

    def endings(key: str) -> tuple[str, ...]:
        return tuple(sorted(str(w) for w in d.get(key) or ()))

    window = d.get("auxiliary_window")
    return Passive(words("auxiliary_lemmas"), words("auxiliary_forms"), words("past_forms"),
                   None if window is None else int(window), bool(d.get("auxiliary_follows")),
                   endings("participle_endings"), endings("infinitive_endings"),
                   endings("active_participle_endings"), words("perfect_lemmas"),
                   words("perfect_infinitive_aux"))
