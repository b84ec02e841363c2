"""Statements from the quotes layer: what a political speaker said about another actor.

A quote (direct, indirect or mixed) with a speaker becomes a CAMEO statement event from the speaker
to the actor it is about. The code comes from the cue verb where that verb says what kind of speech
act it is (``statements`` in events.yaml: accuse 112, deny 016, demand 100, appeal 020 …), else from
the tone of what was said (``tone``: criticism 11x, praise 051, optimism 013 …), else it is the plain
statement 010. The target is the actor the quote is about: the addressee of an addressed cue verb
("warf der EU vor"), else the political actor in subject position of its first clause. A speaker
merely mentioning someone elsewhere in a quote says nothing *about* them.
The speaker's own country is a target only through one of its other organs or politicians (domestic
statements: an opposition leader about the president), never as the bare country.
A statement that reports its target doing something blameworthy is an accusation even without an
accusing word ("the ministry said Iran supplied drones to Russia"): `allegation` (``allegations`` in
events.yaml) decides that from the act the verb lexicon finds in what was said, its goods and
recipients and whose side the speaker is on.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lagebild import lang as langdata
from lagebild.analyze import Sentence, Token
from lagebild.doc import Quote
from lagebild.extract.event_actors import Actor
from lagebild.extract.event_lexicon import Lexicon

if TYPE_CHECKING:
    from lagebild.extract.events import Group
    from lagebild.kb.index import KB

PLAIN = "010"  # make a public statement
ALLEGATION = "statement.allegation"  # the rule name of a statement made an accusation by what it reports
# kinds of actor that stand for a country as a whole (its government): as the target of a statement
# by one of that country's own speakers they are self-reference, not a domestic dyad
_COUNTRY_KINDS = ("country", "capital", "demonym", "people", "prefix")
# organs of a state, and the domestic actors that stand against it (one country, two sides)
_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "SPY", "LEG"})
_DISSENT_SECTORS = frozenset({"OPP", "REB", "HRI"})


@dataclass(slots=True)
class Frame:
    """Where a quote is attributed: the sentence holding the cue and the cue token (None when the quote
    layer gave no cue or it cannot be found next to the quote)."""

    sentence: int
    cue: Token | None


def frame(sentences: list[Sentence], q: Quote) -> Frame | None:
    """The attributing sentence of `q`: the one holding its cue word outside the quote, nearest to it;
    else the sentence the quote starts in."""
    span = [k for k, s in enumerate(sentences) if s.start < q.end and q.start < s.end]
    if not span:
        return None
    if q.cue:
        first = q.cue.split()[0].casefold()
        lo, hi = max(0, span[0] - 1), min(len(sentences), span[-1] + 2)
        best: tuple[int, int, Token] | None = None
        for k in range(lo, hi):
            for t in sentences[k].tokens:
                if q.start <= t.start < q.end or t.text.casefold() != first:
                    continue
                dist = q.start - t.end if t.end <= q.start else t.start - q.end
                if best is None or dist < best[0]:
                    best = (dist, k, t)
        if best is not None:
            return Frame(best[1], best[2])
    return Frame(span[0], None)


def cue_names(q: Quote, f: Frame, sentences: list[Sentence]) -> set[str]:
    """The names under which the cue may be listed (folded): its words, the lemma of its first word and,
    for a separated verb particle ("wirft … vor"), particle + lemma."""
    if not q.cue:
        return set()
    words = q.cue.split()
    names = {q.cue, *words}
    if f.cue is not None:
        names.add(f.cue.lemma)
        for w in words[1:]:
            names.add(w + f.cue.lemma)
    toks = sentences[f.sentence].tokens if f.cue is not None else []
    for t in toks:
        if t.text in words:
            names.add(t.lemma)
    # cue words are verbs and prepositions: compared folded in both languages ("Laut", "According to")
    return {n.casefold() for n in names}


def classify(lex: Lexicon, cues: set[str], parts: list[set[str]],
             negated: list[bool]) -> tuple[str, str, bool] | None:
    """(code, name, addressee) of a quote: the cue verb's own speech act, else the tone of what was
    said, else the plain statement of a saying or naming verb; None for other cues ("announce",
    "propose": the verb lexicon codes those as events of their own). `addressee`: the cue verb names
    whom the act is addressed to. `parts`: the words of each sentence of the quote, `negated`:
    whether that sentence is negated (negated praise or optimism is no tone)."""
    hit = lex.statement_cue(cues)
    addressee = hit is not None and hit.addressee
    if hit is not None and hit.code != PLAIN:
        return hit.code, hit.name, addressee
    for words, neg in zip(parts, negated):
        tone = lex.tone_code(words)
        if tone is not None and not (neg and tone in ("051", "013")):
            return tone, "tone", addressee
    return (hit.code, hit.name, addressee) if hit is not None else None


def subject(groups: list[Group], qtoks: list[Token], breaks: frozenset[str], possessive_preps: frozenset[str],
            genitive_dets: frozenset[str]) -> Group | None:
    """The actor in subject position of the quote's first clause: its first group that is governed
    by no preposition and stands before the clause's first verb or right after it (verb-second
    inversion: "bereiten die Vereinigten Staaten … vor"), or the possessor of such a subject ("die
    Politik Russlands ist …", "the deal of X is …"). None when the clause opens with something else
    ("the victims were …") or a pronoun is its subject ("I entered the race to defeat X").
    `possessive_preps` and `genitive_dets` are the language's cues that make an actor an attribute."""
    if not qtoks:
        return None
    starts = {t.start: i for i, t in enumerate(qtoks)}
    # the first clause: up to the first clause break after some word, so that a leading "dass" or
    # a quotation mark does not end it
    end = next((i for i, t in enumerate(qtoks) if i > 0 and t.text in breaks and t.pos == "PUNCT"), len(qtoks))
    verb = next((i for i, t in enumerate(qtoks[:end]) if t.pos in ("VERB", "AUX")), end)
    for g in groups:
        i = starts.get(g.members[0].start)
        if i is None or i >= end:
            continue
        if qtoks[i].pos in ("PRON", "DET") and g.members[0].kind != "coref":
            continue  # "My thoughts": a pronoun the entity layer took for a name
        attribute = g.prep in possessive_preps or _genitive(qtoks, i, genitive_dets)
        # the head noun the attribute belongs to: before "of/von" (the last preposition) or the genitive
        head = max((k for k in range(i) if qtoks[k].pos == "ADP"), default=i) if g.prep else i
        if attribute and (i >= verb or any(t.pos == "ADP" for t in qtoks[:head])):
            continue  # "Fehler russischer Fluglotsen", "unter der Führung von X": not what the clause is about
        if g.prep is not None and not attribute:
            continue
        if any(t.pos == "PRON" for t in qtoks[:i]):
            return None  # "I pledge that this Congress …", "dass sie China …": the pronoun is the subject
        if i < verb or all(t.pos in ("DET", "ADJ", "NUM") for t in qtoks[verb + 1:i]):
            return g
        return None
    return None


def addressees(groups: list[Group], toks: list[Token], q: Quote, speaker: Actor, cue: Token | None,
               target_preps: frozenset[str], breaks: frozenset[str], genitive_dets: frozenset[str]) -> list[Group]:
    """The actors of the attributing sentence outside the quote that can be the cue verb's object,
    nearest to the cue first: in the cue's clause, bare or with a target preposition, not a genitive,
    and after the speaker with a verb between them (not the speaker's apposition: "Steinmeier (SPD)",
    "Ambassador to X")."""
    if cue is None:
        return []
    starts = {t.start: i for i, t in enumerate(toks)}
    out = []
    for g in groups:
        first = g.members[0]
        if any(q.start <= m.end and m.start < q.end for m in g.members) or first.start < speaker.end:
            continue
        if not any(t.pos in ("VERB", "AUX") for t in toks if speaker.end <= t.start and t.end <= first.start):
            continue
        lo, hi = min(first.start, cue.start), max(first.start, cue.start)
        if any(t.text in breaks and t.pos == "PUNCT" for t in toks if lo <= t.start < hi):
            continue
        i = starts.get(first.start)
        if (g.prep is not None and g.prep not in target_preps) or (i is not None and _genitive(toks, i, genitive_dets)):
            continue
        out.append(g)
    out.sort(key=lambda g: abs(g.members[0].start - cue.start))
    return out


def _genitive(toks: list[Token], i: int, genitive_dets: frozenset[str]) -> bool:
    # "Fehler russischer Fluglotsen", "die Schlussfolgerungen des Berichts": an attribute of a noun
    prev = toks[i - 1] if i > 0 else None
    if prev is None:
        return False
    if prev.pos == "NOUN":
        return True
    return prev.pos == "DET" and prev.text.casefold() in genitive_dets and i > 1 and toks[i - 2].pos == "NOUN"


def target(groups: list[Group], src: Actor, speaker: str,
           political: Callable[[Actor], bool]) -> tuple[Actor | None, str]:
    """The actor the statement is about, or None and why not: of `groups` (the addressees named with
    the cue verb, then the quote's subject) the first political actor that is not the speaker; the
    speaker's own country only through another of its organs or politicians."""
    if not groups:
        return None, "statement without an actor as subject or addressee"
    why = "statement whose subject is not a political actor"
    for g in groups:
        for a in sorted(g.members, key=lambda m: m.key == src.key):
            if not a.key or a.entity == speaker:
                continue
            if a.key == src.key and not _other_organ(a, src, political):
                why = "statement about the speaker's own country or side"
                continue
            if not political(a):
                continue
            return a, ""
    return None, why


def _other_organ(a: Actor, src: Actor, political: Callable[[Actor], bool]) -> bool:
    # a domestic statement is about another named organ or politician of the speaker's country (its
    # sector known: government, parliament, party …), not the country itself, a resolved pronoun or
    # the speaker's own organisation. The speaker must be such an organ or politician too: a country
    # as a whole ("nach russischen Angaben") reporting on its own minister is a source, not a dyad.
    return a.kind not in _COUNTRY_KINDS and src.kind not in _COUNTRY_KINDS and not a.inferred and \
        a.kind != "coref" and bool(a.sectors) and political(a) and \
        not (a.entity is not None and a.entity == src.entity) and not (a.org and a.org == src.org)


@dataclass(frozen=True, slots=True)
class Allegations:
    """What makes a reported act blameworthy (``allegations`` in events.yaml): `acts` maps CAMEO codes
    (or their first digits) of acts that are blameworthy whoever does them (threats, coercion, violence)
    to the accusation they make; a transfer (a root of `transfers`: trade, cooperation, aid) is
    blameworthy when of `goods` (arms, munitions, dual-use goods) or to a military, and makes the
    accusation `code`. `unless`: verbs whose code overstates the blame (a warning is coded as a threat).
    `statements`: the codes of statements that may become accusations (plain ones: a denial or an
    admission of the act accuses no one)."""

    acts: dict[str, str]
    transfers: frozenset[str]
    goods: tuple[str, ...]
    code: str
    unless: frozenset[str] = frozenset()
    statements: frozenset[str] = frozenset({PLAIN})


@functools.cache
def allegations(lang: str) -> Allegations:
    """The ``allegations`` section of the events lexicon of `lang`."""
    data = langdata.load(lang, "events").get("allegations") or {}
    return Allegations({str(k): str(v) for k, v in (data.get("acts") or {}).items()},
                       frozenset(str(r) for r in data.get("transfers") or ()),
                       tuple(str(g).casefold() for g in data.get("goods") or ()), str(data.get("code") or "112"),
                       frozenset(str(v).casefold() for v in data.get("unless") or ()),
                       frozenset(str(c) for c in data.get("statements") or (PLAIN,)))


def goods(rules: Allegations, words: set[str]) -> str | None:
    """The first of `rules.goods` named by `words` (folded lemmas and forms): `*` at either end of an
    entry stands for the rest of a compound ("*drohne*": "Kampfdrohnen"); the words of a multi-word
    entry ("dual use") must all occur."""
    folded = {w.casefold() for w in words}
    for entry in rules.goods:
        if all(any(_matches(p, w) for w in folded) for p in entry.split()):
            return entry
    return None


def _matches(pattern: str, word: str) -> bool:
    head, tail = pattern.startswith("*"), pattern.endswith("*")
    core = pattern.strip("*")
    if head and tail:
        return core in word
    if head:
        return word.endswith(core)
    if tail:
        return word.startswith(core)
    return word == core


def allegation(rules: Allegations, act: str, verb: str, words: set[str], speaker: list[Actor], doer: Actor,
               others: list[Actor], side: Callable[[Actor, Actor], bool]) -> tuple[str, str] | None:
    """(accusation code, why) when a statement by `speaker` (its actors) reports `doer` committing `act`
    (a CAMEO code, named by the lemma `verb`) and that is blameworthy, else None. `words`: what was said
    (lemmas and forms),
    `others`: the other actors named in it; `side(a, b)`: whether a and b are one side. A speaker of the
    doer's side reports, it does not accuse (a government on its own deliveries); nor does the side a
    transfer goes to (a country naming its suppliers); a neutral trade is no act to blame."""
    if any(side(s, doer) for s in speaker) or verb.casefold() in rules.unless:
        return None
    kind = max((k for k in rules.acts if act.startswith(k)), key=len, default=None)
    if kind is not None:
        return rules.acts[kind], f"reports {doer.code} doing {act}"
    if act[:2] not in rules.transfers:
        return None
    if any(side(s, o) for s in speaker for o in others):
        return None
    military = next((o for o in others if "MIL" in o.sectors and not side(o, doer)), None)
    if military is not None:
        return rules.code, f"reports {doer.code} doing {act} for the military {military.code}"
    named = goods(rules, words)
    if named is not None:
        return rules.code, f"reports {doer.code} doing {act} with {named.replace('*', '')}"
    return None


def one_side(a: Actor, b: Actor, kb: KB) -> bool:
    """Whether `a` and `b` are one side: the same country or organisation, or a member state and its
    organisation (of the organisation an organ of it belongs to: EU Commission → EU). Within a country
    the state and those who oppose it (opposition, rebels, human-rights groups) are two sides."""
    if not a.key or not b.key:
        return False
    if a.key == b.key:
        return not (_against_state(a, b) or _against_state(b, a))
    return any(x.org and y.country and y.country in _members(x.org, kb) for x, y in ((a, b), (b, a)))


def _against_state(state: Actor, other: Actor) -> bool:
    return bool(set(state.sectors) & _STATE_SECTORS) and not set(state.sectors) & _DISSENT_SECTORS and \
        bool(set(other.sectors) & _DISSENT_SECTORS)


def _members(code: str, kb: KB) -> tuple[str, ...]:
    org = kb.org(code)
    if org is None:
        return ()
    parent = kb.org(org.parent) if org.parent and not org.members else None
    return parent.members if parent is not None else org.members
