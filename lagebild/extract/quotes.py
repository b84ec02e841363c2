"""The quotes stage: direct, indirect and mixed quotations with their speakers, from speech.yaml rules.

``make_quote_extractor(lang)`` builds the stage (name ``"quotes"``). It needs the analyze stage's
sentences and reads ``doc.entities`` (when an entity stage ran before it) to link speakers, and the
coref stage's layer (``doc.layers["coref"]``) for speakers named by a pronoun, a possessive or a
definite description ("der Minister", "die Partei") and for surnames joined to a full name. Each
`Quote` carries the quoted or reported content as its span, the cue, the rule that found it and,
as extra fields, ``cue_span``, ``source_span`` (the speaker phrase in the frame), ``addressee`` /
``addressee_span`` and ``group`` (pieces of one statement interrupted by its frame share a group).

Order of work: source phrases ("laut X"), then quotation marks with their frames, then frame
sentences that report the sentence before ("Das meldete X."), then speech verbs with reported
clauses, objects or infinitives, then quotations after a colon whose clause names no speech verb,
then Konjunktiv-I (and hearsay "soll … haben") sentences or clauses that continue a reported
statement (or, with none before, stand as free indirect speech without a source).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, field

from lagebild.analyze import Sentence, Token
from lagebild.doc import Document, Entity, Quote
from lagebild.extract.passive import load_passive
from lagebild.extract.quote_lexicon import SourcePattern, SpeechLexicon, load_lexicon
from lagebild.extract.quote_marks import Marked, find_marked
from lagebild.extract.quote_np import Chunk, chunk_at, chunk_before, is_nominal

_FINAL = frozenset(".!?;")
_CLAUSE_BREAK = frozenset({",", ";", ":", "(", ")", "–", "—"})
# Marks before an apposition to a source, and those that may follow one.
_APPOSITION_MARKS = frozenset({",", "–", "—"})
_APPOSITION_END = frozenset({",", ".", "!", "?", ";", ":", ")", "–", "—"})
_QUOTE_CHARS = frozenset("„“”\"»«‚‘’›‹'")
_EXPLETIVE = frozenset({"es", "it"})


@dataclass
class _Stmt:
    """A statement before it becomes Quote objects: token ranges, not yet resolved."""

    pieces: list[tuple[int, int]]  # character spans of the content
    kind: str
    rule: str
    sent: int
    cue: list[int] = field(default_factory=list)
    source: Chunk | None = None
    addressee: Chunk | None = None
    via: str | None = None
    speaker: str | None = None
    inherited: "_Stmt | None" = None
    end_sent: int = -1
    # The whole sentence, for statements whose content is the object of the speech verb.
    statement: tuple[int, int] | None = None


@dataclass
class _SourceHit:
    pattern: SourcePattern
    start: int  # token range of the whole phrase
    end: int
    cue: list[int]
    source: Chunk


class QuoteExtractor:
    """Stage ``quotes``: fills ``doc.quotes`` from the analysed sentences and the entities."""

    name = "quotes"

    def __init__(self, lang: str, keep_speakerless: bool = False) -> None:
        self.lang = lang
        self.lex: SpeechLexicon = load_lexicon(lang)
        # Statements whose speaker links to no entity are dropped unless asked for (the task's
        # quotes are those "whose speaker is named"; SpkAtt scores spans, not entities).
        self.keep_speakerless = keep_speakerless

    def __call__(self, doc: Document) -> Document:
        sentences: list[Sentence] | None = doc.layers.get("sentences")
        if sentences is None:
            return doc
        doc.quotes = _Run(doc, sentences, self.lex).quotes(self.keep_speakerless)
        return doc


def make_quote_extractor(lang: str) -> QuoteExtractor:
    """The quotes stage for `lang` (reads lagebild/lang/<lang>/speech.yaml once)."""
    return QuoteExtractor(lang)


class _Run:
    """One document's extraction; holds the flat token list and what is already claimed."""

    def __init__(self, doc: Document, sentences: list[Sentence], lex: SpeechLexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.lang = lex.lang
        self.toks: list[Token] = []
        self.sent_of: list[int] = []
        self.sent_range: list[tuple[int, int]] = []
        for si, s in enumerate(sentences):
            a = len(self.toks)
            self.toks.extend(s.tokens)
            self.sent_of.extend([si] * len(s.tokens))
            self.sent_range.append((a, len(self.toks)))
        self.starts = [t.start for t in self.toks]
        self.lows = [t.text.lower() for t in self.toks]  # (read for every pattern at every token)
        self.marked = find_marked(self.text, lex.pairs)
        self.outer = [m for m in self.marked if m.depth == 0]
        # Token index → index in self.outer of the quote whose content holds it, else -1.
        self.in_quote = [-1] * len(self.toks)
        self.mark_tok: set[int] = set()
        for qi, m in enumerate(self.outer):
            for k in range(self._tok_at(m.open), len(self.toks)):
                t = self.toks[k]
                if t.start >= m.close + 1:
                    break
                if t.start == m.open or t.start == m.close:
                    self.mark_tok.add(k)
                elif m.start <= t.start and t.end <= m.end:
                    self.in_quote[k] = qi
        for m in self.marked:
            for pos in (m.open, m.close):
                k = self._tok_at(pos)
                if k < len(self.toks) and self.toks[k].start == pos:
                    self.mark_tok.add(k)
        self.claimed: set[int] = set()
        self.time_chars = [(t.start, t.end) for t in doc.times]
        self.mentions: list[tuple[int, int, Entity]] = sorted(
            ((m.start, m.end, e) for e in doc.entities for m in e.mentions), key=lambda x: x[0]
        )
        self.ent_by_id = {e.id: e for e in doc.entities}
        # The coref stage's links by span: pronouns, possessives, definite descriptions, name parts.
        self.coref: dict[tuple[int, int], dict] = {(lk["start"], lk["end"]): lk for lk in doc.layers.get("coref") or []}
        self.stmts: list[_Stmt] = []
        # Sentences holding a source phrase ("laut X"); filled by `indirect`.
        self.source_sents: set[int] = set()

    # -- helpers -------------------------------------------------------------------------

    def _tok_at(self, offset: int) -> int:
        """Index of the first token starting at or after `offset`."""
        return bisect_left(self.starts, offset)

    def _low(self, k: int) -> str:
        return self.lows[k]

    def _clause_end(self, k: int, limit: int) -> int:
        while k < limit and self.toks[k].text not in _CLAUSE_BREAK and k not in self.mark_tok:
            k += 1
        return k

    def _clause_end_q(self, k: int, limit: int) -> int:
        """Like `_clause_end`, but quoted words inside the clause do not end it ("strich Wulffs
        „klaren inneren Kompass“ hervor": the particle stands after the quote)."""
        while k < limit:
            if k in self.mark_tok or self.in_quote[k] >= 0:
                k += 1
                continue
            if self.toks[k].text in _CLAUSE_BREAK:
                break
            k += 1
        return k

    def _bracket_end(self, k: int, limit: int) -> int:
        """End of the verb's clause where its separable particle stands: like `_clause_end_q`,
        but a relative clause after a noun does not end it ("wirft X, der …, Betrug vor") and a
        coordinated verb does ("wirft X Betrug vor und will …")."""
        lex = self.lex
        while k < limit:
            if k in self.mark_tok or self.in_quote[k] >= 0:
                k += 1
                continue
            t = self.toks[k]
            if (t.text == "," and k + 2 < limit and self.toks[k - 1].pos in ("NOUN", "PROPN")
                    and self._low(k + 1) in lex.not_message_openers and self.toks[k + 1].pos in ("PRON", "DET")
                    and self.toks[k + 2].pos not in ("NOUN", "PROPN", "ADJ")):
                j = k + 1
                while j < limit and self.toks[j].text != "," and self.toks[j].text not in _FINAL:
                    j += 1
                if j < limit and self.toks[j].text == ",":
                    k = j + 1
                    continue
                return j
            if t.text == "," and k + 1 < limit:
                # A name in commas ("teilte der Vorsitzende, Anna Berg, mit") does not end the clause.
                app = chunk_at(self.toks, k + 1, limit, self.mark_tok)
                if (app is not None and app.end < limit and self.toks[app.end].text == ","
                        and self.toks[app.head].pos == "PROPN" and self.toks[k - 1].pos in ("NOUN", "PROPN")):
                    k = app.end + 1
                    continue
            if t.text == "(":
                # an abbreviation or aside in brackets ("teilte das Institut (STSI) mit")
                close = next((x for x in range(k + 1, min(limit, k + 8)) if self.toks[x].text == ")"), None)
                if close is not None and not self._has_verb(k + 1, close):
                    k = close + 1
                    continue
            if t.text in _CLAUSE_BREAK:
                return k
            if self._low(k) in lex.coordinators and k + 1 < limit and self.toks[k + 1].pos in ("VERB", "AUX"):
                return k
            k += 1
        return k

    def _relative_antecedent(self, c: Chunk | None, a: int) -> Chunk | None:
        """A relative pronoun as subject ("Chris Christie, who denounced …") stands for the noun
        phrase before its comma."""
        if c is None or c.end - c.start != 1 or self.toks[c.start].pos != "PRON":
            return c
        k = c.start
        if self._low(k) not in self.lex.not_message_openers or k - 1 <= a or self.toks[k - 1].text != ",":
            return c
        # "…, which the BBC describes as …": a noun phrase right after the pronoun is the subject and
        # the pronoun its object
        after = chunk_at(self.toks, k + 1, self.sent_range[self.sent_of[k]][1], self.mark_tok)
        if after is not None and not self._is_time(after):
            return after
        ante = chunk_before(self.toks, k - 1, a, self.mark_tok)
        return ante if ante is not None and not self._is_time(ante) else c

    def _refers_back(self, c: Chunk) -> bool:
        """Whether a source phrase is an expletive or an anaphoric adverb ("es", "demnach"), which
        names no one but continues the source before."""
        if c.end - c.start != 1:
            return False
        low = self._low(c.start)
        return low in _EXPLETIVE or any(p.items == (low,) for p in self.lex.source_patterns)

    def _is_time(self, c: Chunk) -> bool:
        s, e = self.toks[c.start].start, self.toks[c.end - 1].end
        return any(a < e and s < b for a, b in self.time_chars)

    def _after_time(self, c: Chunk) -> Chunk | None:
        """The part of a phrase after a time expression it starts with ("This Wednesday Greek
        Foreign Minister X" → "Greek Foreign Minister X"), or None when nothing nominal is left."""
        k = c.start
        while k < c.end and any(a < self.toks[k].end and self.toks[k].start < b for a, b in self.time_chars):
            k += 1
        if k == c.start or k >= c.end or c.head < k:
            return None
        rest = Chunk(k, c.end, c.head)
        return None if self._is_time(rest) else rest

    def cue_at(self, i: int, limit: int) -> list[int] | None:
        """The cue tokens when token `i` is a speech or thought verb (with its particle), else None."""
        t = self.toks[i]
        if self.in_quote[i] >= 0 or i in self.mark_tok or not t.text[:1].isalpha():
            return None
        lem = t.lemma.lower()
        lex = self.lex
        if t.pos in ("NOUN", "PROPN") and lem in lex.cue_nouns:
            # "zu dem Ergebnis gekommen, dass …", "the claim that …": a statement noun with its clause
            n = i + 1
            while n < min(limit, i + 3) and self.toks[n].pos in ("VERB", "AUX"):
                n += 1
            if n == i + 1 and (g := self._genitive_after(i, limit)) is not None:
                n = g.end  # "die Forderung des Vorsitzenden, …": whose statement it is
            if n < limit and self.toks[n].text == ",":
                n += 1
                if self._zu_infinitive(n, limit):
                    return [i]  # "die Ankündigung, das Amt abzugeben"
            if n < limit and self._low(n) in lex.complementizers and self.toks[n].pos in ("SCONJ", "PRON", "DET") \
                    and self._low(n) not in lex.not_message_openers:
                return [i]
        if self._low(i) in lex.stance_adjectives and t.pos in ("ADJ", "VERB", "ADV"):
            # "zeigte sich besorgt, dass …": a stance adjective with its complement clause
            n = i + 1
            if n < limit and self.toks[n].text == ",":
                n += 1
            if n < limit and self._low(n) in lex.complementizers and self._low(n) not in lex.not_message_openers:
                return [i]
            return None
        if t.pos not in ("VERB", "AUX") and not (t.pos in ("ADJ", "NOUN", "ADV") and t.text[:1].islower()):
            return None
        if t.pos in ("VERB", "AUX") and (phrase := self._cue_phrase(i, limit)) is not None:
            return phrase
        if self._low(i).startswith(lex.naming_participles):
            # "das Objekt, genannt X", "wie er genannt wird": a name given, nothing said, unless
            # it gives a reason or a view ("Als Grund wurde genannt, dass …")
            a = self.sent_range[self.sent_of[i]][0]
            ca = next((x + 1 for x in range(i - 1, a - 1, -1) if self.toks[x].text in _CLAUSE_BREAK), a)
            if not any(self._low(x) in lex.governing_markers for x in range(ca, i)):
                return None
        end = self._bracket_end(i + 1, limit)
        last = end - 1
        while last > i and (self.toks[last].text in _FINAL or last in self.mark_tok):
            last -= 1  # "…, teilte die Polizei mit." / "strich „…“ hervor."
        if end < limit and self.toks[end].text == "," and self._low(last) not in lex.particles:
            # "gab der Leiter, Anna Berg, bekannt, …": the speaker's name in commas before the particle
            k = self._set_off_phrase_end(end, limit)
            if k is not None and k + 1 < limit and self._low(k + 1) in lex.particles and (
                    k + 2 >= limit or self.toks[k + 2].text in _FINAL or self.toks[k + 2].text == ","):
                last = k + 1
        if last > i and self._low(last) in lex.particles and self.toks[last].pos in ("ADP", "PART", "ADV", "DET"):
            # A separable particle at the clause end makes another verb ("findet … statt"); there
            # "ein" is no article ("räumte ein, …"), whatever its tag.
            part = self._low(last)
            if part in lex.particle_verbs.get(lem, ()) or (part + lem) in lex.verbs:
                return [i, last]
            if part not in lex.continuing_particles:
                return None
        if i > 0 and end == i + 1 and self.toks[i - 1].pos in ("ADP", "PART", "ADV"):
            # Verb-final clause with the particle written apart before it ("wie X bekannt gab").
            part = self._low(i - 1)
            if part in lex.particle_verbs.get(lem, ()) or (part + lem) in lex.verbs:
                return [i - 1, i]
        needed = lex.particle_verbs.get(lem)
        if needed is not None:
            if not needed:
                return [i]
            if lem not in lex.verbs:
                return None
        if lem in lex.verbs:
            return [i]
        for part in lex.particles:
            if lem.startswith(part) and part in lex.particle_verbs.get(lem[len(part):], ()):
                return [i]
        return None

    def _cue_phrase(self, i: int, limit: int) -> list[int] | None:
        """The cue of a speech predicate made of the verb at `i` and words of its clause ("brachte
        … zum Ausdruck", "hält es für möglich", "wurde bekannt"): the verb first, then those words."""
        lex = self.lex
        phrases = lex.cue_phrases.get(self.toks[i].lemma.lower())
        if not phrases:
            return None
        lo = i
        while lo - 1 >= self.sent_range[self.sent_of[i]][0] and self.toks[lo - 1].text not in _CLAUSE_BREAK \
                and lo - 1 not in self.mark_tok and self.in_quote[lo - 1] < 0:
            lo -= 1
        hi = self._bracket_end(i + 1, limit)
        while hi < limit and self.toks[hi].text == "," and (e := self._set_off_phrase_end(hi, limit)) is not None:
            hi = self._bracket_end(e + 1, limit)  # "brachte die Sprecherin, Anna Berg, zum Ausdruck"
        for phrase in phrases:
            found: list[int] = []
            k = lo
            for part in phrase:
                at = next((x for x in range(k, hi - len(part) + 1) if x != i and i not in range(x, x + len(part))
                           and all(self._word_fits(x + n, w) for n, w in enumerate(part))), None)
                if at is None:
                    break
                found.extend(range(at, at + len(part)))
                k = at + len(part)
            else:
                # "hält es für möglich": the expletive object belongs to the predicate, and so does
                # the article of its noun ("stellte die Theorie auf")
                found += [x for x in range(i + 1, max(found)) if self._low(x) in _EXPLETIVE and x not in found]
                found += [x - 1 for x in found if self.toks[x].pos == "NOUN" and x - 1 >= lo and x - 1 != i
                          and self.toks[x - 1].pos == "DET" and x - 1 not in found]
                if self._impersonal_cue([i] + found) and not (
                        (hi + 1 < limit and self.toks[hi].text == "," and self._low(hi + 1) in lex.complementizers)
                        or any(self._low(lo) == p.items[0] and "{V}" in p.items for p in lex.source_patterns)):
                    # "wurde bekannt" reports only with its clause ("…, dass …", "Wie … bekannt wurde, …"),
                    # not in "Der Fall wurde als … bekannt"
                    continue
                return [i] + sorted(found)
        return None

    def _word_fits(self, k: int, word: str) -> bool:
        """Whether token `k` is `word` of a cue phrase; "{A}" takes an adjective or participle."""
        t = self.toks[k]
        if k in self.mark_tok or self.in_quote[k] >= 0:
            return False
        if word == "{A}":  # predicative: no noun after it ("als erwiesen", not "als wichtigste Aufgabe")
            return t.pos in ("ADJ", "ADV", "VERB") and t.text[:1].islower() and not (
                k + 1 < len(self.toks) and self.toks[k + 1].pos in ("NOUN", "PROPN"))
        return t.text.lower() == word

    def _impersonal_cue(self, cue: list[int]) -> bool:
        """Whether the cue is a predicate whose clause is its subject, with no speaker ("wurde bekannt")."""
        words = self.lex.impersonal_cue_phrases.get(self.toks[cue[0]].lemma.lower(), ())
        return any(self._low(x) in words for x in cue[1:])

    # -- source phrases ------------------------------------------------------------------

    def source_phrases(self) -> list[_SourceHit]:
        hits: list[_SourceHit] = []
        for a, b in self.sent_range:
            k = a
            while k < b:
                hit = None
                for pat in self.lex.source_patterns:
                    hit = self._match(pat, k, a, b)
                    if hit is not None:
                        break
                if hit is None:
                    k += 1
                    continue
                hits.append(hit)
                k = hit.end
        return hits

    def _match(self, pat: SourcePattern, k: int, a: int, b: int) -> _SourceHit | None:
        items = pat.items
        toks = self.toks
        pos = k
        start = k
        source: Chunk | None = None
        cue: list[int] = []
        src_from = None
        idx = 0
        if items[0] in ("{X}", "{N}"):
            # "X zufolge", "seiner Meinung nach": anchor on the literal after X and read X backwards.
            if len(items) < 2 or self._low(k) != items[1] or self.in_quote[k] >= 0:
                return None
            source = chunk_before(toks, k, a, self.mark_tok)
            if source is None and k > a and toks[k - 1].pos == "PRON" and items[0] == "{X}":
                source = Chunk(k - 1, k, k - 1)  # "ihm zufolge"
            if source is None or (items[0] == "{N}" and not self._source_noun_in(source)):
                return None
            start = source.start
            idx = 1
        while idx < len(items):
            it = items[idx]
            if pos >= b:
                return None
            if it == "{X}":
                c = chunk_at(toks, pos, b, self.mark_tok) or self._quoted_name(pos, b)
                if c is None:
                    return None
                source = c
                pos = c.end
            elif it == "{N}":
                # A phrase headed by a source noun ("Polizeiangaben", "eigenen Angaben der Polizei").
                c = chunk_at(toks, pos, b, self.mark_tok)
                if c is None or not self._source_noun_in(c):
                    return None
                source = c
                pos = c.end
            elif it == "{V}":
                # A speech verb, possibly after a short adverbial ("wie X am Montag mitteilte").
                found = None
                for p in range(pos, min(b, pos + 6)):
                    if toks[p].text in _CLAUSE_BREAK:
                        break
                    found = self.cue_at(p, b)
                    if found:
                        break
                if not found:
                    return None
                cue = found
                pos = max(found) + 1
                while pos < b and toks[pos].pos == "AUX":
                    pos += 1
            else:
                if self.in_quote[pos] >= 0 or self._low(pos) != it:
                    return None
                if it in pat.cue.split():
                    cue.append(pos)
                    src_from = pos + 1
                pos += 1
            idx += 1
        if source is None and cue and not any(it.startswith("{") for it in items):
            source = Chunk(cue[0], cue[0] + 1, cue[0])  # "Demnach …": the adverb stands for the source
        if source is None or not cue:
            return None
        if pat.source_from and src_from is not None:
            source = Chunk(src_from, source.end, source.head)
        return _SourceHit(pat, start, pos, cue, source)

    def _source_noun_in(self, c: Chunk) -> bool:
        return any(self.lex.is_source_noun(self.toks[x].text) for x in range(c.start, c.head + 1)
                   if self.toks[x].pos in ("NOUN", "PROPN"))

    def _quoted_name(self, k: int, b: int) -> Chunk | None:
        """A short name in quotation marks as a source ("laut „Welt“"): marks included."""
        if k not in self.mark_tok or k + 1 >= b or self.in_quote[k + 1] < 0:
            return None
        qi = self.in_quote[k + 1]
        e = k + 1
        while e < b and self.in_quote[e] == qi:
            e += 1
        if e >= b or e - k > 5 or e not in self.mark_tok or not self.toks[k + 1].text[:1].isupper():
            return None
        return Chunk(k, e + 1, e - 1)

    # -- frames --------------------------------------------------------------------------

    def frame_roles(self, a: int, b: int, cue: list[int], whole: bool = True) -> tuple[Chunk | None, Chunk | None]:
        """Speaker and addressee phrases in the frame tokens [a, b) around the cue; the subject
        is looked for first in the cue's own clause (see `_own_clause`)."""
        if whole and cue:
            a = self._before_parenthesis(a)
            for ra, rb in self._own_clause(a, b, cue):
                subject, addressee = self.frame_roles(ra, rb, cue, whole=False)
                if subject is not None:
                    return subject, addressee
        lex = self.lex
        subject = addressee = None
        obj_verb = any(self.toks[c].lemma.lower() in lex.addressee_object_verbs for c in cue)
        source_pp: Chunk | None = None  # "aus Peking", "in einer Erklärung": the source of "heißt es"
        k = a
        while k < b:
            if subject is None and k in self.mark_tok and k not in self.claimed:
                named = self._quoted_name(k, b)
                if named is not None and (k - 1 in cue or named.end in cue):
                    subject = named  # "schrieb „Die Zeit“", "„Muslix64“ erwähnte"
                    k = named.end
                    continue
            if k in cue or k in self.claimed or k in self.mark_tok or self.in_quote[k] >= 0:
                k += 1
                continue
            t = self.toks[k]
            low = t.text.lower()
            if t.pos == "ADP":
                c = self._pp_object(k, b)
                if c is not None and low in lex.addressee_prepositions and addressee is None:
                    addressee = c
                elif c is not None and low in lex.source_prepositions and source_pp is None and not self._is_time(c):
                    source_pp = c
                k = c.end if c is not None else k + 1
                continue
            c = chunk_at(self.toks, k, b, self.mark_tok)
            if c is None:
                k += 1
                continue
            if obj_verb and cue and c.start == max(cue) + 1 and addressee is None:
                addressee = c
            elif low in lex.addressee_determiners and addressee is None:
                addressee = c
            elif self._is_time(c):
                rest = self._after_time(c)
                if rest is not None and subject is None:
                    subject = self._with_apposition(rest, b)
                    k = subject.end
                    continue
            elif subject is None and not self._not_subject(c):
                subject = self._with_apposition(c, b)
                k = subject.end
                continue
            k = c.end
        if subject is not None and cue and subject.end <= min(cue):
            # V2 inversion: "Der Politik schlug er vor": a nominative pronoun right after the
            # finite verb is the subject, so the phrase before it was an object.
            v = min(cue) + 1
            while v < b and v in cue:
                v += 1
            if v < b and self._low(v) in lex.nominative_pronouns and v not in self.claimed:
                subject = Chunk(v, v + 1, v)
            elif self.toks[min(cue)].pos == "VERB" and not self._speaker_head(subject):
                # "Die Äußerungen bezeichnete Anna Berg als …": a fronted phrase that names no one
                # is the object when someone who can speak follows the verb
                # (only a name: an article or pronoun there may as well be a dative or accusative,
                # "warfen der Regierung vor", "nannte sie")
                inv = self._inverted_subject([min(cue)], b)
                if inv is not None and inv.start == min(cue) + 1 and self.toks[inv.start].pos not in ("DET", "PRON"):
                    subject = inv
        impersonal = any(self.toks[x].lemma.lower() in lex.impersonal_verbs for x in cue)
        if (whole or impersonal) and source_pp is not None and (subject is None or (subject.end - subject.start == 1
                                                          and self._low(subject.start) in _EXPLETIVE)):
            subject = source_pp  # "Aus Peking heißt es, …", "…, hieß es in einer Erklärung der Regierung"
        if subject is not None:
            subject = self._relative_antecedent(subject, self.sent_range[self.sent_of[subject.start]][0])
        return subject, addressee

    def _own_clause(self, a: int, b: int, cue: list[int]) -> list[tuple[int, int]]:
        """Parts of the frame [a, b) that hold the subject of the cue's clause when the frame
        spans more than that clause, best first; [] when it does not.

        - The cue in a clause after a comma opened by a subordinator or relative pronoun: the
          subject is in that clause ("…, da sie befürchten", "…, die X erklärt hatte"); an
          article there that a verb follows opens a main clause ("…, die Partei bezweifelt").
        - The cue's verb right after a comma: the clause before it was inserted ("Der Sender,
          der …, begründete") or a fronted subordinate clause ("Warum …, begründete das
          Gericht"); the subject stands before the inserted clause or after the verb."""
        toks, lex = self.toks, self.lex
        c0 = min(cue)
        x = next((x for x in range(c0 - 1, a - 1, -1) if toks[x].text == "," and self.in_quote[x] < 0
                  and x not in self.mark_tok), None)
        if x is None:
            return []
        n = x + 1
        opener = n
        if toks[n].pos == "ADP" and n + 2 < c0 and chunk_at(toks, n + 1, b, self.mark_tok) is None:
            opener = n + 1  # "…, bei dem man davon ausgeht"
        low = self._low(opener)
        subordinator = low in lex.complementizers or toks[opener].pos == "SCONJ"
        if opener < c0 and (subordinator or (low in lex.not_message_openers and toks[opener].pos in ("PRON", "DET"))):
            c = chunk_at(toks, opener, b, self.mark_tok)
            if opener == n and c is not None and c.end < b and (c.end in cue or toks[c.end].pos in ("VERB", "AUX")):
                return [(n, b)]  # "…, die Partei bezweifelt aber"
            after = max(cue) + 1
            while after < b and toks[after].pos == "AUX":
                after += 1
            if after < b and toks[after].text not in _CLAUSE_BREAK and after not in self.mark_tok:
                return []  # the verb is not clause-final: "X, der Präsident des Landes sagte am Montag, …"
            if not subordinator:
                # A relative pronoun is the subject when its antecedent can speak ("Kasparow, der
                # Russland kritisiert hatte"), or before an article ("…, der der Regierung vorwarf").
                ante = chunk_before(toks, x, a, self.mark_tok)
                if (c is None and opener + 1 < c0 and chunk_at(toks, opener + 1, b, self.mark_tok)) or (
                        ante is not None and self._can_speak(ante)):
                    return []
            return [(opener + 1, b)]
        if toks[n].pos in ("VERB", "AUX") and (n == c0 or n not in cue):
            v = n + 1
            while v < b and v in cue:
                v += 1
            if v < b and self._low(v) in lex.nominative_pronouns:
                return [(n, b)]  # "Die Anhänger, die …, warnte er"
            if self._low(a) in lex.complementizers:
                return [(n, b)]  # "Warum …, begründete das Gericht …"
            y = next((y for y in range(a + 1, x) if toks[y].text == "," and self.in_quote[y] < 0 and y + 1 < x and (
                self._low(y + 1) in lex.not_message_openers or self._low(y + 1) in lex.complementizers)), None)
            if y is not None:
                return [(a, y), (n, b)]  # "Der Sender, der …, begründete …"
        return []

    def _not_subject(self, c: Chunk) -> bool:
        """A phrase whose case or marker rules it out as subject: an oblique article ("den
        Flüchtlingen sicherte X zu") or a word that governs it ("Als Begründung sagte X")."""
        if self._low(c.start) in self.lex.oblique_determiners:
            return True
        return c.start > 0 and self._low(c.start - 1) in self.lex.governing_markers

    def _with_apposition(self, c: Chunk, b: int) -> Chunk:
        """"Der Sprecher der Partei, Werner Hoyer, sagte": the name in commas belongs to the subject."""
        k = c.end
        if k + 1 < b and self.toks[k].text == ",":
            app = chunk_at(self.toks, k + 1, b, self.mark_tok)
            # The apposition ends where the frame does or at the next comma.
            if app is not None and (app.end == b or self.toks[app.end].text in _FINAL or self.toks[app.end].text == ","):
                s, e = self.toks[app.start].start, self.toks[app.end - 1].end
                if any(x[2].type == "PER" for x in self._entities_in(s, e)) or self.toks[app.head].pos == "PROPN" or self._bare_name(app):
                    return Chunk(c.start, app.end, app.head)
                named = self.toks[c.head].pos == "PROPN" or any(
                    x[2].type == "PER" for x in self._entities_in(self.toks[c.start].start, self.toks[c.end - 1].end))
                if named and self.lex.is_role_noun(self.toks[app.head].text):
                    return Chunk(c.start, app.end, c.head)  # "Tegaye Mununhe, der Polizeichef der Region"
        return c

    def _source_extent(self, c: Chunk, cue: Collection[int] = ()) -> Chunk:
        """The whole phrase that names the source, as annotators mark it: with the attachments that
        say which one it is ("ein Sprecher in Berlin", "der Ombudsmann für Menschenrechte"), its
        appositions ("der Direktor der Behörde, Anna Berg"), whole names and a parenthesis after
        them ("Thomas de Maizière (CDU)"), without a reflexive the chunk took in.
        Speaker resolution keeps the core phrase; only the reported span grows."""
        toks, lex = self.toks, self.lex
        rel = c.end + 1
        if (cue and rel < min(cue) and toks[c.end].text == "," and toks[rel].pos == "PRON"
                and self._low(rel) in lex.not_message_openers and chunk_at(toks, rel, min(cue), self.mark_tok) is None
                and not any(toks[x].text in _CLAUSE_BREAK for x in range(rel + 1, min(cue)))):
            return Chunk(rel, rel + 1, rel)  # "der Junge, der angab, …": the relative pronoun speaks
        start = c.start
        if c.end - start > 1 and self._low(start) in lex.reflexives and toks[start].pos == "PRON":
            start += 1  # "äußerte sich Kofi Annan"
        if c.end - start > 1 and toks[start].pos == "ADP" and self._low(start) in lex.agent_prepositions:
            start += 1  # "wurde von X bezeichnet": the agent is named by the phrase, not its preposition
        a, b = self.sent_range[self.sent_of[c.start]]
        if start > a and toks[start].pos == "DET" and self._low(start - 1) in lex.partitive_pronouns:
            start -= 1  # "Einer der Ärzte": the speaker is the one, named by the whole phrase
        start, end = self._name_end(start, self._with_attachments(c, b, cue=cue), b)
        if toks[c.head].pos != "PRON" and self._apposition_end(end, b, cue) is None:
            # Attachments that name no one still belong to a subject set off by an apposition
            # ("Der Vertreter der Arbeitgeber im Aufsichtsrat, Peter Clever, hat gefordert").
            _, loose = self._name_end(start, self._with_attachments(c, b, loose=True, cue=cue), b)
            if loose > end and self._apposition_end(loose, b, cue) is not None:
                end = loose
        after_verb = c.start - 1 in cue and toks[c.start - 1].pos in ("VERB", "AUX")
        for _ in range(3):  # "Der Vorsitzende der Gewerkschaft, Nachfolgerin der ÖTV, Frank Bsirske"
            app_end = self._apposition_end(end, b, cue, after_verb)
            if app_end is None:
                break
            end = app_end
        return Chunk(start, end, c.head)

    def _apposition_end(self, k: int, b: int, cue: Collection[int], after_verb: bool = False) -> int | None:
        """End of an apposition set off at `k` after a source phrase, or None. A phrase that names
        someone may stand anywhere; any other noun phrase counts where nothing but an apposition
        can stand: before the sentence's end or a colon ("sagte Jon Doe, Gründer der Band: …"),
        between the subject and its finite verb ("Die Vorsitzende, Anna Berg, hat gefordert"), or
        in commas after a subject that follows its verb ("sagte Jon Doe, Gründer der Band, am …")."""
        toks = self.toks
        if k + 1 >= b or toks[k].text not in _APPOSITION_MARKS:
            return None
        app = chunk_at(toks, k + 1, b, self.mark_tok)
        if app is None or self._is_time(app) or toks[app.head].pos == "PRON":
            return None
        before_cue = bool(cue) and k < min(cue)
        for loose in (False, True):
            _, end = self._name_end(app.start, self._with_attachments(app, b, loose=loose), b)
            if end >= b or toks[end].text in _FINAL or toks[end].text == ":" or end in cue:
                return end
            if before_cue and toks[end].pos in ("VERB", "AUX"):
                return end  # "Anna Berg, Chefin der Firma erklärte": the closing comma left out
            if toks[end].text in _APPOSITION_MARKS and end + 1 < b and (
                    after_verb or end + 1 in cue or toks[end + 1].pos in ("VERB", "AUX")):
                return end
            if toks[end].text in _APPOSITION_END and self._names_someone(app):
                return end
        return None

    def _name_end(self, s: int, e: int, b: int) -> tuple[int, int]:
        """Token range [s, e) grown to the whole of each person or organisation name it cuts
        ("de Maizière" from "Maizière", "Ärzte ohne Grenzen" from "Ärzte"), and past a
        parenthesis after it ("Thomas de Maizière (CDU)")."""
        toks = self.toks
        for ms, me, ent in self._entities_in(toks[s].start, toks[e - 1].end):
            if ent.type not in ("PER", "ORG"):
                continue
            while s > 0 and ms < toks[s].start and ms <= toks[s - 1].start:
                s -= 1
            while e < b and me > toks[e - 1].end and toks[e].start < me:
                e += 1
        if e < b and toks[e].text == "(":
            close = next((m for m in range(e + 1, min(b, e + 8)) if toks[m].text == ")"), None)
            e = close + 1 if close is not None else e
        return s, e

    def _with_attachments(self, c: Chunk, b: int, loose: bool = False, cue: Collection[int] = ()) -> int:
        """End of `c` with the prepositional phrases that belong to a source noun; `loose` takes
        them whatever they name."""
        k = c.end
        head = self.toks[c.head]
        if head.pos == "PRON" or not (loose or self._names_someone(c) or self.lex.is_source_noun(head.text)):
            return k  # "die Gründe für …" is no source phrase to grow
        document = self.lex.is_source_noun(head.text)
        # A subject right after its verb may be followed by the verb's own object ("sprach Merkel
        # von der Möglichkeit", "warb Obama für das Gesetz").
        after_verb = c.start - 1 in cue and self.toks[c.start - 1].pos in ("VERB", "AUX")
        while k < b and k not in self.mark_tok:
            low = self._low(k)
            kind = self.lex.source_attachments.get(low)
            # where a person spoke is no part of the name ("sagte Anna Berg in Berlin"); where
            # the body is that employs them is ("Ken Rice vom Institut in Edinburgh")
            at_person = self._person_at(k - 1)
            if kind is None or (kind == "place" and at_person and not loose):
                break
            pp = chunk_at(self.toks, k + 1, b, self.mark_tok, coordinate=False)
            # a date belongs to a document ("Angaben vom Mittwoch"), not to a person
            if pp is None or (self._is_time(pp) and not (document and kind == "any")):
                break
            ps, pe = self.toks[pp.start].start, self.toks[pp.end - 1].end
            # a place the places stage knows is a name too, though no entity ("ein Sprecher in Berlin")
            named = self.toks[pp.head].pos == "PROPN" or self._entities_in(ps, pe) or any(
                m.start < pe and ps < m.end for pl in self.doc.places for m in pl.mentions)
            if not loose and kind == "place" and not named:
                break  # "sagte der Minister im Interview": where he spoke, not who he is
            if not loose and after_verb and at_person and not (named or self._names_someone(pp)):
                break
            k = pp.end
        return k

    def _person_at(self, k: int) -> bool:
        """Whether token `k` ends a person's name (a name word or a person mention)."""
        t = self.toks[k]
        return t.pos == "PROPN" or any(x[2].type == "PER" for x in self._entities_in(t.start, t.end))

    def _names_someone(self, c: Chunk) -> bool:
        """Whether an apposition names a person or body (a name, an office, an organisation)."""
        head = self.toks[c.head]
        if head.pos == "PROPN" or self._bare_name(c):
            return True
        if any(x[2].type in ("PER", "ORG") for x in self._entities_in(self.toks[c.start].start, self.toks[c.end - 1].end)):
            return True
        return any(self.lex.is_role_noun(self.toks[k].text) or self.lex.is_org_noun(self.toks[k].text)
                   or self.lex.is_spokesperson(self.toks[k].text) or self.lex.is_group_noun(self.toks[k].text)
                   for k in range(c.start, c.end) if is_nominal(self.toks[k]))

    def _bare_name(self, c: Chunk) -> bool:
        """Whether `c` is two or more name words and nothing else ("Frank-Jürgen Weise",
        "Mohammed el-Baradei"): a name, whether or not the entity stage knew it."""
        toks = self.toks
        return c.end - c.start >= 2 and c.head == c.end - 1 and all(
            is_nominal(toks[k]) and (toks[k].text[:1].isupper() or toks[k].pos != "NOUN") for k in range(c.start, c.end))

    def _pp_object(self, k: int, b: int) -> Chunk | None:
        """The noun phrase governed by the preposition at `k`; words the tagger missed as
        adjectives (participles: "einem unangekündigten Treffen") are stepped over."""
        j = k + 1
        while j < b and j - k <= 4 and not self.toks[j].text[:1].isupper() and self.toks[j].pos not in ("PUNCT", "AUX", "ADP"):
            j += 1
        for start in (k + 1, j):
            c = chunk_at(self.toks, start, b, self.mark_tok)
            if c is not None:
                return c
        return None

    # -- direct quotes -------------------------------------------------------------------

    def _standalone(self, m: Marked) -> bool:
        j = m.open - 1
        while j >= 0 and self.text[j] in " \t":
            j -= 1
        return j < 0 or not self.text[j].isalnum()

    def _content(self, m: Marked) -> tuple[int, int]:
        s, e = m.start, m.end
        while s < e and self.text[s].isspace():
            s += 1
        while e > s and self.text[e - 1].isspace():
            e -= 1
        return s, e

    def direct(self) -> None:
        n = len(self.toks)
        prev: _Stmt | None = None
        i = 0
        while i < len(self.outer):
            m = self.outer[i]
            i += 1
            o, c = self._tok_at(m.open), self._tok_at(m.close)
            if o >= n or c >= n or self.toks[o].start != m.open:
                continue
            if not self._standalone(m) and not (o > 0 and self.toks[o - 1].text[:1].isalpha() and self.cue_at(o - 1, o)):
                continue
            content = [k for k in range(o + 1, c)]
            if not content:
                continue
            ms, me = self._content(m)
            if o > 0 and self.toks[o - 1].text == ":" and me > ms and self.text[me - 1] in ".!?":
                # "X said: „… .“ Y did Z.": a colon frame before a closed sentence wins over a
                # sentence that follows it.
                stmt = self._pre_frame(m, o) or self._post_frame(m, c)
            else:
                stmt = self._post_frame(m, c) or self._pre_frame(m, o)
            if stmt is None:
                stmt = self._frame_before(m, o)
            if stmt is None:
                if prev is not None and self.sent_of[o] - prev.end_sent <= 1 and prev.kind == "direct":
                    stmt = _Stmt([self._content(m)], "direct", "direct_continued", self.sent_of[o], inherited=prev)
                else:
                    continue
            stmt.end_sent = self.sent_of[c]
            self.claimed.update(content)
            self.claimed.update((o, c))
            self._clause_around(stmt, o, c)
            self.stmts.append(stmt)
            prev = stmt
            # "„…“, sagte er, „…“": the quote after the frame belongs to the same statement.
            while i < len(self.outer) and stmt.rule.endswith("postposed"):
                nm = self.outer[i]
                no = self._tok_at(nm.open)
                last = max(stmt.cue + ([stmt.source.end - 1] if stmt.source else []))
                gap = [k for k in range(last + 1, no) if self.toks[k].text not in (",", "–", "—", ":")]
                if gap or no >= n or self.sent_of[no] != self.sent_of[last]:
                    break
                stmt.pieces.append(self._content(nm))
                nc = self._tok_at(nm.close)
                self.claimed.update(range(no, min(nc + 1, n)))
                stmt.end_sent = self.sent_of[min(nc, n - 1)]
                i += 1

    def _clause_around(self, stmt: _Stmt, o: int, c: int) -> None:
        """Quoted words that are only part of the reported clause make it a mixed statement of
        that whole clause: words after them up to the clause end ("Er sagte, „No-Go-Areas“ dürfe
        es nicht geben"), the clause before them where the frame follows ("Eine Strafe sei nicht
        vermittelbar, „wenn …“, so X"), and the rest of the sentence after a frame between commas
        ("„In absehbarer Zeit“, so X, wird VW „…“ entwickeln")."""
        a, b = self.sent_range[self.sent_of[o]]
        if self.sent_of[c] != self.sent_of[o]:
            return
        s, e = stmt.pieces[0]
        frame = set(stmt.cue) | ({x for x in range(stmt.source.start, stmt.source.end)} if stmt.source else set())
        if stmt.rule == "direct_preposed" and o > a and self.toks[o - 1].text == ",":
            end = self._frame_cut(c + 1, self._message_end(c + 1, b))
            if (end > c + 1 and self.toks[c + 1].text not in _CLAUSE_BREAK and c + 1 not in self.mark_tok
                    and not any(x in self.claimed for x in range(c + 1, end)) and self._has_verb(c + 1, end)):
                stmt.pieces[0] = (self.toks[o].start, self.toks[end - 1].end)
                stmt.kind = "mixed"
                self.claimed.update(range(c + 1, end))
        elif stmt.rule == "direct_postposed" and len(stmt.pieces) == 1:
            left = range(a, o)
            if (o - a >= 3 and self.toks[o - 1].text == "," and not any(x in self.claimed for x in left)
                    and self._has_verb(a, o - 1) and not any(self.cue_at(x, o) for x in left if self.in_quote[x] < 0)):
                stmt.pieces[0] = (self.toks[a].start, self.toks[c].end)
                stmt.kind = "mixed"
                self.claimed.update(left)
            last = max(frame) if frame else c
            if last + 2 < b and self.toks[last + 1].text == "," and last + 1 > c:
                end = self._message_end(last + 2, b)
                if (end > last + 2 and self.toks[last + 2].pos in ("VERB", "AUX")
                        and not any(x in self.claimed for x in range(last + 2, end))
                        and self._has_verb(last + 2, end) and not self.cue_at(last + 2, end)):
                    stmt.pieces.append((self.toks[last + 2].start, self.toks[end - 1].end))
                    stmt.kind = "mixed"
                    self.claimed.update(range(last + 2, end))

    def anaphoric(self) -> None:
        """A short sentence that opens with a demonstrative and a speech verb reports the sentence
        before it ("… . Das meldete die Agentur SPA.", "Dies teilte die Polizei mit.")."""
        for si in range(1, len(self.sent_range)):
            a, b = self.sent_range[si]
            pa, pb = self.sent_range[si - 1]
            if b - a < 3 or self._low(a) not in self.lex.anaphoric_objects or self.in_quote[a] >= 0:
                continue
            if any(k in self.claimed for k in range(pa, pb)) or any(k in self.claimed for k in range(a, b)):
                continue
            cue = self.cue_at(a + 1, b)
            if not cue or self.toks[a + 1].lemma.lower() in self.lex.cognition:
                continue
            end = self._message_end(a, b)
            subj, addr = self.frame_roles(a + 1, end, cue)
            if subj is None or self._object_left(a + 1, end, cue, subj, addr):
                continue
            pend = self._message_end(pa, pb)
            if pend - pa < 3 or not self._has_verb(pa, pend):
                continue
            kind = "mixed" if any(self.in_quote[x] >= 0 for x in range(pa, pend)) else "indirect"
            self.claimed.update(range(pa, pend))
            self.claimed.update(range(a, end))
            # The demonstrative stands for the statement: the task annotates it as a piece of it.
            pieces = [(self.toks[pa].start, self.toks[pend - 1].end), (self.toks[a].start, self.toks[a].end)]
            self.stmts.append(_Stmt(pieces, kind, "indirect_anaphoric", si - 1,
                                    cue=cue, source=subj, addressee=addr, end_sent=si))

    def _post_frame(self, m: Marked, c: int) -> _Stmt | None:
        n = len(self.toks)
        k = c + 1
        if k < n and self.toks[k].text in (",", "–", "—"):
            k += 1
        if k >= n:
            return None
        sb = self.sent_range[self.sent_of[k]][1]
        limit = k
        while limit < sb and limit not in self.mark_tok and self.toks[limit].text not in (":", ";"):
            limit += 1
        ms, me = self._content(m)
        new_sentence = self.sent_range[self.sent_of[k]][0] == k or (
            me > ms and self.text[me - 1] in ".!?" and self.toks[k].text[:1].isupper() and self.toks[k].pos != "PRON")
        if new_sentence and self.toks[k].text[:1].isupper() and self.toks[k].pos not in ("PRON", "VERB", "AUX"):
            # "„…“ Dong sagte …" starts a new sentence: only a short subject may precede the verb.
            pass
        for p in range(k, min(limit, k + 6)):
            if self.toks[p].text in (",", "."):
                break
            if self._low(p) in self.lex.postposed_cues and p == k:
                subj = chunk_at(self.toks, p + 1, limit, self.mark_tok)
                if subj is None:
                    return None
                self.claimed.update(range(p, subj.end))
                return _Stmt([self._content(m)], "direct", "direct_postposed", self.sent_of[c], cue=[p], source=subj)
            cue = self.cue_at(p, limit)
            if cue:
                end = self._clause_end(max(cue) + 1, limit)
                subj, addr = self.frame_roles(k, end, cue)
                if subj is None and not any(self._low(x) in _EXPLETIVE for x in range(k, end)):
                    return None
                if new_sentence:
                    # A new sentence is a frame only when it holds nothing but speaker, verb and
                    # adverbials ("Amnesty called for an inquiry." is a statement of its own).
                    if self._object_left(k, end, cue, subj, addr):
                        return None
                    if limit < sb and self.toks[limit].text == ":":
                        return None  # "„…“ X sagte dazu: „…“": the colon frames what follows it
                self.claimed.update(cue)
                for ch in (subj, addr):
                    if ch is not None:
                        self.claimed.update(range(ch.start, ch.end))
                return _Stmt([self._content(m)], "direct", "direct_postposed", self.sent_of[c], cue=cue, source=subj, addressee=addr)
        return None

    def _frame_before(self, m: Marked, o: int) -> _Stmt | None:
        """"X äußerte sich am Montag in Berlin. „…“": a sentence with a speech verb and its speaker
        but nothing said frames the quote that opens the next sentence."""
        si = self.sent_of[o]
        if si == 0 or self.sent_range[si][0] != o:
            return None
        a, b = self.sent_range[si - 1]
        if b - a < 3 or any(k in self.claimed or self.in_quote[k] >= 0 for k in range(a, b)):
            return None
        cues = [cue for k in range(a, b) if (cue := self.cue_at(k, b))]
        if len(cues) != 1 or self.toks[cues[0][0]].lemma.lower() in self.lex.cognition:
            return None
        cue = cues[0]
        end = b - 1 if self.toks[b - 1].text in _FINAL else b
        subj, addr = self.frame_roles(a, end, cue)
        if subj is None or self._is_time(subj) or not self._can_speak(subj) or self._object_left(a, end, cue, subj, addr):
            return None
        cue = self._cue_complex(cue)
        self.claimed.update(range(a, b))
        return _Stmt([self._content(m)], "direct", "direct_frame_before", si, cue=cue, source=subj, addressee=addr)

    def _pre_frame(self, m: Marked, o: int) -> _Stmt | None:
        if o == 0:
            return None
        # 'saying "…"': a speech verb right before the quote frames it without a colon or comma.
        bare = self.toks[o - 1].text[:1].isalpha() and self.cue_at(o - 1, o) is not None
        if self.toks[o - 1].text not in (":", ",") and not bare:
            return None
        colon = self.toks[o - 1].text == ":"
        p = o if bare else o - 1
        a = self.sent_range[self.sent_of[p]][0]
        b = p
        # Only the clause right before the quote frames it.
        for k in range(p - 1, a - 1, -1):
            if k in self.mark_tok or self.in_quote[k] >= 0 or self.toks[k].text in (";",):
                a = k + 1
                break
        cues = [cue for k in range(a, b) if k not in self.claimed and (cue := self.cue_at(k, b))]
        if cues:
            cue = cues[-1]
            # The cue's own clause first ("On Friday, as part of a rally, Erdogan said: …"); the
            # whole frame where that clause names no one ("Der Sprecher, Werner Hoyer, sagte: …").
            ca = next((x + 1 for x in range(cue[0] - 1, a - 1, -1) if self.toks[x].text in _CLAUSE_BREAK), a)
            subj, addr = self.frame_roles(ca, b, cue) if ca > a else (None, None)
            if subj is None:
                subj, addr = self.frame_roles(a, b, cue)
            shared = None
            if subj is None:
                # "…, further saying: „…“": the subject of the clause before (not claimed: it frames that clause too)
                shared = self._coordinated_subject(self.sent_of[o], self.sent_range[self.sent_of[o]][0], cue[0])
            self.claimed.update(cue)
            if subj is None:
                subj = shared
            elif subj is not None:
                self.claimed.update(range(subj.start, subj.end))
            rule = "direct_preposed"
            if colon:
                cue = sorted(set(cue) | set(self._words_phrase(a, b)))
                self.claimed.update(cue)
            return _Stmt([self._content(m)], "direct", rule, self.sent_of[o], cue=cue, source=subj, addressee=addr)
        if colon:
            # "X verteidigte den Plan mit den Worten: „…“": a statement noun right before the colon.
            words = [k for k in range(max(a, b - 3), b) if self.toks[k].text.lower() in self.lex.colon_cues]
            if words:
                subj, addr = self.frame_roles(a, words[0], words)
                if subj is not None and not self._is_time(subj):
                    # The phrase is the verb's manner of speaking: the cue is verb, particle and phrase.
                    verb = [k for k in range(a, words[0]) if self.toks[k].pos == "VERB" and k not in self.claimed
                            and not (subj.start <= k < subj.end)][:1]
                    parts = [k for k in range(words[-1] + 1, b) if self._low(k) in self.lex.particles] if verb else []
                    cue = sorted(set(words) | set(self._words_phrase(a, b)) | set(verb) | set(parts))
                    self.claimed.update(cue)
                    self.claimed.update(range(subj.start, subj.end))
                    return _Stmt([self._content(m)], "direct", "direct_preposed", self.sent_of[o], cue=cue,
                                 source=subj, addressee=addr)
        if not colon or b - a > 8:
            return None
        # "Putin: …" or "Zitat von Schröder: „…“": the phrase before the colon is the speaker.
        cue = [k for k in range(a, b) if self.toks[k].text.lower() in self.lex.colon_cues]
        start = max(cue) + 1 if cue else a
        subj = None
        for k in range(start, b):
            subj = chunk_at(self.toks, k, b, self.mark_tok)
            if subj is not None:
                break
        if subj is None:
            return None
        self.claimed.update(range(a, b))
        return _Stmt([self._content(m)], "direct", "direct_colon", self.sent_of[o], cue=cue, source=subj)

    def _words_phrase(self, a: int, b: int) -> list[int]:
        """"mit den Worten" right before a colon at `b`: the statement noun with its preposition
        and article, which annotators count to the cue ("lobte ihn mit den Worten: …")."""
        words = [k for k in range(max(a, b - 3), b) if self._low(k) in self.lex.colon_cues]
        if not words:
            return []
        k = words[0]
        out = [k]
        for x in (k - 1, k - 2):
            if x < a or self.toks[x].pos not in ("DET", "ADP") or x in self.claimed:
                break
            out.append(x)
            if self.toks[x].pos == "ADP":
                return sorted(out)
        return []  # a bare "Worte:" heads a phrase of its own ("Seine Worte: …")

    # -- indirect speech -----------------------------------------------------------------

    def _object_left(self, k: int, end: int, cue: list[int], subj: Chunk | None, addr: Chunk | None) -> bool:
        """Whether the frame tokens [k, end) hold a noun phrase besides speaker, addressee,
        prepositional phrases and times (an object: the clause says something of its own)."""
        roles = set(cue) | {x for ch in (subj, addr) if ch for x in range(ch.start, ch.end)}
        x = k
        while x < end:
            t = self.toks[x]
            if x in roles:
                x += 1
                continue
            if t.pos == "ADP":
                c = self._pp_object(x, end)
                x = c.end if c is not None else x + 1
                continue
            c = chunk_at(self.toks, x, end, self.mark_tok)
            if c is not None and not self._is_time(c) and self.toks[c.head].pos != "PRON":
                return True
            x = c.end if c is not None else x + 1
        return False

    def _verb_follows(self, k: int, b: int) -> bool:
        """A finite verb right after a bare clause's subject ("said [the talks] have failed")."""
        while k < b and self.toks[k].pos in ("ADV", "PART") and self._low(k) not in self.lex.infinitive_markers:
            k += 1
        return k < b and self.toks[k].pos in ("VERB", "AUX")

    def _zu_infinitive(self, a: int, b: int) -> bool:
        """Whether the clause from `a` ends in a zu-infinitive ("…, vor das Gericht zu ziehen"):
        the complement of the speech verb, not a relative clause (which ends in a finite verb)."""
        e = self._clause_end_q(a, b)
        while e > a and self.toks[e - 1].text in _FINAL:
            e -= 1
        last, zu = self._low(e - 1), self.lex.infinitive_markers
        return e - a >= 3 and self.toks[e - 1].pos in ("VERB", "AUX") and (
            self._low(e - 2) in zu or any(self._low(x) in zu and self.toks[x].pos == "PART" for x in range(e - 3, e - 1))
            # the marker inside a particle verb ("zuzugehen", "abzugeben")
            or any(last.startswith(p + m) and len(last) > len(p) + 5 for p in self.lex.particles for m in zu))

    def _set_off_phrase_end(self, j: int, b: int) -> int | None:
        """The comma closing a phrase set off by commas in the frame at the comma `j`: the speaker's
        name after a noun ("der Koordinator, Anna Berg, sagte") or a prepositional phrase ("sagte
        sie, gegenüber der Presse, dass …"); None where the comma opens something else."""
        if j == 0 or j + 1 >= b or self._low(j + 1) in self.lex.complementizers:
            return None
        k = j + 1
        while k < b and self.toks[k].text != "," and self.toks[k].pos not in ("VERB", "AUX", "SCONJ"):
            k += 1
        if k >= b or self.toks[k].text != "," or k == j + 1:
            return None
        if self.toks[j + 1].pos == "ADP" and self.toks[j - 1].pos in ("NOUN", "PROPN", "PRON"):
            return k
        if self.toks[j - 1].pos not in ("NOUN", "PROPN"):
            return None
        ents = self._entities_in(self.toks[j + 1].start, self.toks[k - 1].end)
        if self.toks[j + 1].pos != "PROPN" and not any(x[2].type in ("PER", "ORG") for x in ents):
            return None
        return k

    def _article_phrase_clause(self, n: int, b: int) -> bool:
        """"…, die noch zu schaffende Verfassung werde …": an article, modifiers and a noun open
        a reported clause in the Konjunktiv; a relative pronoun would be followed by its clause."""
        lex = self.lex
        if not (self._low(n) in lex.definite or self._low(n) in lex.indefinite):
            return False
        if self.toks[n - 2].pos in ("NOUN", "PROPN"):
            return False  # "lobte die Stadt, die …": after a noun it is the noun's relative clause
        k = n + 1
        while k < b and (self.toks[k].pos in ("ADV", "ADJ", "PART") or self._low(k) in lex.infinitive_markers):
            k += 1
        if k == n + 1 or k >= b or self.toks[k].pos not in ("NOUN", "PROPN"):
            return False
        return self._subjunctive(n, self._clause_end(n, b))

    def _has_verb(self, a: int, b: int) -> bool:
        return any(self.toks[k].pos in ("VERB", "AUX") for k in range(a, b))

    def _message_end(self, a: int, b: int) -> int:
        """End (exclusive token index) of a reported clause starting at `a` in a sentence ending at `b`."""
        e = b
        while e > a and (self.toks[e - 1].text in _FINAL or (e - 1 in self.mark_tok and self.in_quote[e - 1] < 0 and self.toks[e - 1].text in "”“\"»«")):
            if e - 1 in self.mark_tok:
                m = next((m for m in self.outer if m.close == self.toks[e - 1].start), None)
                # A quotation that opens inside the clause ends with its closing mark ("…, die Lage
                # sei „ernst“."); only a mark whose quotation opened before the clause is cut off.
                if m is None or self._tok_at(m.open) >= a:
                    break
            e -= 1
        for k in range(a, e):
            if self.toks[k].text == ";" and self.in_quote[k] < 0:
                return k
        return e

    def indirect(self, hits: list[_SourceHit]) -> None:
        self.source_sents = {self.sent_of[h.start] for h in hits}
        via_at = {k: h for h in hits if h.pattern.via for k in range(h.start, h.end)}
        for si, (a, b) in enumerate(self.sent_range):
            k = a
            while k < b:
                if k in self.claimed:
                    k += 1
                    continue
                cue = self.cue_at(k, b)
                if not cue:
                    k += 1
                    continue
                stmt = self._reported(si, a, b, cue, via_at)
                if stmt is None:
                    stmt = self._reported_object(si, a, b, cue)
                if stmt is None:
                    k += 1
                    continue
                self.stmts.append(stmt)
                k = max(cue) + 1

    def _reported(self, si: int, a: int, b: int, cue: list[int], via_at: dict[int, _SourceHit]) -> _Stmt | None:
        lex = self.lex
        i = max(cue)
        j = i + 1
        via: _SourceHit | None = None
        msg = None
        rule = None
        obj_start: int | None = None  # the first phrase after the cue ("asked [the CIA] to …")
        phrases = 0  # bare noun phrases after the cue: its subject when inverted, its objects
        lemma = self.toks[cue[0]].lemma.lower()
        speech = (self._low(cue[-1]) + lemma if len(cue) > 1 else lemma) in lex.speech
        while j < b:
            t = self.toks[j]
            low = t.text.lower()
            if (low in lex.infinitive_markers and speech and j + 1 < b and self.toks[j + 1].pos in ("VERB", "AUX")
                    and j not in self.claimed):
                # "promised to hold elections", "urged the CIA to release the files": the
                # to-infinitive with the phrase it is said of is the message.
                msg, rule = (obj_start if obj_start is not None else j), "indirect_infinitive"
                break
            if j in via_at:
                via = via_at[j]
                j = via.end
                continue
            if j in self.claimed or j in cue:
                j += 1
                continue
            if low in lex.complementizers and t.pos in ("SCONJ", "DET", "ADV", "PRON", "CCONJ"):
                if (low in lex.not_message_openers and j - 2 > i and self.toks[j - 1].text == ","
                        and self.toks[j - 2].pos in ("NOUN", "PROPN")):
                    break  # "spoke about her husband, who was arrested": a relative clause
                if (low in lex.not_message_openers and t.pos == "PRON" and self.toks[j - 1].text == ","
                        and j + 1 < b and self.toks[j + 1].pos in ("VERB", "AUX")):
                    break  # "X spoke, who headed the campaign": a relative clause moved behind the verb
                if low in lex.complementizers and (j == i + 1 or self.toks[j - 1].text == "," or t.pos == "SCONJ" or low in ("that", "dass", "daß", "ob", "whether")):
                    msg, rule = j, "indirect_complement"
                break
            if t.text == ",":
                app = self._set_off_phrase_end(j, b)
                if app is not None:
                    j = app  # "sagte der Koordinator, Anna Berg, gegenüber …, dass": the speaker's name
                    continue
                n = j + 1
                if (n < b and self._low(n) in lex.complementizers and self._low(n) in lex.not_message_openers
                        and self.toks[n].pos == "PRON" and (self.toks[j - 1].pos in ("NOUN", "PROPN")
                                                            or (n + 1 < b and self.toks[n + 1].pos in ("VERB", "AUX")))):
                    break  # "spoke about her husband, who was arrested", "X spoke, who headed …": a relative clause
                if n < b and (self._low(n) in lex.complementizers):
                    msg, rule = n, "indirect_complement"
                elif (n + 1 < b and self._low(n) in lex.definite and self._low(n) in lex.not_message_openers
                      and (self.toks[n + 1].pos in ("NOUN", "PROPN", "ADJ"))):
                    msg, rule = n, "indirect_clause"  # "…, die Zusammenarbeit sei …": an article, not a relative pronoun
                elif self._article_phrase_clause(n, b):
                    msg, rule = n, "indirect_clause"
                elif (n + 1 < b and self.toks[n].pos == "ADP" and self._low(n + 1) in lex.not_message_openers
                      and self.toks[j - 1].pos in ("NOUN", "PROPN") and not self._zu_infinitive(n, b)):
                    pass  # "…, zu dem …": a relative clause after a preposition
                elif n < b and self._low(n) not in lex.not_message_openers and n not in self.mark_tok:
                    msg, rule = n, "indirect_clause"
                elif n + 1 < b and (self._low(n + 1) in lex.subjunctive or self._low(n + 1) in lex.subjunctive_ii):
                    msg, rule = n, "indirect_clause"  # "…, damit solle …", "…, da sei …": an adverb before the verb
                elif n < b and n in self.mark_tok:
                    msg, rule = n, "indirect_clause"
                break
            if t.text == ":":
                msg, rule = j + 1, "indirect_colon"
                break
            if t.pos == "ADP":
                c = self._pp_object(j, b)
                if c is not None and obj_start is None:
                    obj_start = c.start
                j = c.end if c is not None else j + 1
                continue
            if t.pos in ("ADV", "PART", "AUX") or low in lex.cue_adverbs or (
                    # an adjective standing as an adverb ("berichtete telefonisch, …")
                    t.pos == "ADJ" and t.text[:1].islower() and chunk_at(self.toks, j, b, self.mark_tok) is None) or (
                    t.pos == "CCONJ" and low not in lex.coordinators) or (
                    t.pos == "VERB" and self.toks[i].pos in ("NOUN", "PROPN") and self.toks[i].lemma.lower() in lex.cue_nouns):  # "Ergebnis gekommen, dass"

                j += 1
                continue
            if (not lex.subjunctive and j == i + 1 and t.pos in ("DET", "PROPN", "NOUN", "NUM", "ADJ")
                    and self.toks[i].lemma.lower() not in lex.addressee_object_verbs
                    and self._has_verb(j + 1, self._clause_end(j + 1, b))):
                # English "He said the deal was close": the clause follows the verb bare.
                msg, rule = j, "indirect_bare"
                break
            if j in self.mark_tok and j - 1 > i and (qn := self._quoted_name(j, b)) is not None:
                j = qn.end  # "meldete die Website „Golem“, …": the quoted name of the phrase before
                continue
            if t.pos == "DET" and (qn := self._quoted_name(j + 1, b)) is not None:
                # "sagte der „Berliner Zeitung“, dass …": a quoted title as the addressee
                obj_start = j if obj_start is None else obj_start
                phrases += 1
                j = qn.end
                continue
            c = chunk_at(self.toks, j, b, self.mark_tok)
            if c is None and t.pos == "DET" and j + 1 < b and not is_nominal(self.toks[j + 1]):
                j += 1  # a determiner standing alone ("vor allem", "all dies")
                continue
            if c is not None:
                if not lex.subjunctive and self._verb_follows(c.end, b) and (
                        (c.start == i + 1 and t.pos != "PRON")
                        or (t.pos == "PRON" and low not in ("me", "him", "her", "us", "them", "reporters"))):
                    # English "He said the talks failed": the clause follows the verb bare.
                    # (also after "warn", "tell": a verb right after the phrase makes it the
                    # clause's subject, not the addressee)
                    msg, rule = j, "indirect_bare"
                    break
                if obj_start is None:
                    obj_start = c.start
                phrases += 1
                j = c.end
                continue
            break
        if msg is not None and rule == "indirect_clause" and not self._has_verb(msg, self._message_end(msg, b)):
            msg = None  # "…, sagte X, der Polizeichef der Region.": an apposition, not a clause
        frame_end = msg if msg is not None else b
        if msg is not None and rule == "indirect_clause":
            if self.cue_at(msg, b):
                return None  # "…, berichtete die Zeitung": the clause after the comma is a frame itself
            if self.toks[msg].pos in ("VERB", "AUX") and self.toks[msg - 1].text == "," and self._subordinate(a, cue[0]):
                return None  # "Ob X einen Kandidaten vorschlägt, ist offen": the main clause follows, opening with its verb
            ce = self._clause_end(msg, b)
            if ce + 1 < b and self.toks[ce].text == "," and not self._has_verb(msg, ce) and (
                    self.toks[ce + 1].pos == "SCONJ" or self._low(ce + 1) in lex.not_message_openers):
                nxt = self._low(ce + 1)
                if nxt in lex.complementizers and nxt not in lex.not_message_openers:
                    # "meldete der Sender, Radio Vatikan, dass …": a name set off before the clause
                    msg = frame_end = ce + 1
                    rule = "indirect_complement"
                elif not self._relative_in_subject(ce, b):
                    return None  # "fanden das Wrack, etwa zwölf Stunden, nachdem …": no clause of its own
        if msg is not None:
            end = self._frame_cut(msg, self._message_end(msg, b))
            if lex.subjunctive and self._zu_infinitive(msg, end):
                # "Trotz der Ankündigung, das Amt abzugeben, kann X …": the main clause resumes
                # with its verb after the infinitive
                k = self._clause_end_q(msg, end)
                if k + 1 < end and self.toks[k].text == "," and self.toks[k + 1].pos in ("VERB", "AUX"):
                    end = k
            if rule == "indirect_infinitive":
                # The infinitive ends with its clause, unless a relative clause follows that
                # belongs to its phrase ("… them to be mercenaries, who …").
                k = self._clause_end_q(msg, end)
                if k < end and not (k + 1 < end and self._low(k + 1) in lex.not_message_openers
                                    and self.toks[k + 1].pos == "PRON"):
                    end = k
            if end - msg < 2 or not self._has_verb(msg, end):
                return None
            subject_before = cue[0] > a and self.toks[cue[0] - 1].pos in ("NOUN", "PROPN", "PRON")
            if (rule == "indirect_clause" and lex.subjunctive and phrases >= (1 if subject_before else 2)
                    and not self._subjunctive(msg, end) and not self._subjunctive(msg, end, continuing=True)
                    and not any(self._low(x) in lex.infinitive_markers and self.toks[x].pos == "PART" and self.toks[x + 1].pos in ("VERB", "AUX")
                                for x in range(msg, end - 1))
                    and not any(self.in_quote[x] >= 0 for x in range(msg, end))):
                # "bemerkte die Probleme, konnte aber nicht …": a verb with its object is done
                # before the comma; only reported mood makes the clause after it what was said.
                return None
            if any(self.in_quote[x] >= 0 for x in range(msg, end)) and all(
                self.in_quote[x] >= 0 or x in self.mark_tok for x in range(msg, end)
            ):
                return None
            fa = a
            for x in range(i - 1, a - 1, -1):
                in_via = via is not None and via.start <= x < via.end
                if (x in self.claimed and not in_via) or self.toks[x].text in (":", ";"):
                    fa = x + 1
                    break
            before = self._interposed_before(fa, cue, rule)
            subj, addr = self.frame_roles(before[1] + 1 if before else fa, frame_end, cue)
            if before is not None and subj is None:
                before = None
                subj, addr = self.frame_roles(fa, frame_end, cue)
            if subj is None:
                subj = self._bare_subject(fa, frame_end, cue)
            if self._impersonal_cue(cue):
                subj = addr = None  # "Am Montag wurde bekannt, dass …": the clause is the subject
            if self.toks[cue[0]].pos in ("NOUN", "PROPN") and (g := self._genitive_after(cue[0], frame_end)) is not None:
                subj = g  # "trotz der Warnung der Polizei, …": the statement is the genitive's
            passive, agent = self._passive(fa, frame_end, cue)
            if passive and self.toks[cue[-1]].lemma.lower() in lex.quoting_verbs and subj is not None and (
                    agent is None or not (agent.start <= subj.start < agent.end)):
                passive = False  # "X wird von Reuters zitiert": X said it
            if passive:
                # "X wurde aufgerufen, … zu …": the subject is the addressee; the speaker is the
                # agent ("von Y") or unnamed.
                if agent is None:
                    self.claimed.update(range(msg, self._frame_cut(msg, self._message_end(msg, b))))
                    self.claimed.update(cue)
                    return _Stmt([(self.toks[msg].start, self.toks[end - 1].end)], "indirect", rule, si, cue=cue,
                                 end_sent=si)
                subj = agent
        else:
            before = None
            # Postposed frame: "Die Lage sei ernst, sagte er." / "…, he said."
            lead = cue[0] - 1
            while lead > a and self.toks[lead].pos in ("PRON", "NOUN", "PROPN", "DET", "ADJ") and not self.lex.subjunctive:
                lead -= 1
            if lead - 1 > a and self._low(lead) in lex.postposed_cues and self.toks[lead - 1].text == ",":
                cue = [lead] + cue  # "…, so bestätigt das Gericht.": the adverb belongs to the cue
                lead -= 1
            if lead <= a or self.toks[lead].text != ",":
                return None
            if (self.toks[lead + 1].pos in ("PRON", "DET") and self._low(lead + 1) in lex.not_message_openers
                    and self._low(lead + 1) not in lex.definite and self._low(lead + 1) not in lex.indefinite):
                return None  # "…, which the BBC describes as …": a relative clause, not a frame
            msg_a = a
            for x in range(lead - 1, a - 1, -1):
                if x in self.claimed or (self.toks[x].text in (":", ";") and self.in_quote[x] < 0):
                    msg_a = x + 1
                    break
            end = lead
            if end - msg_a < 3 or not self._has_verb(msg_a, end):
                return None
            fe = self._clause_end(max(cue) + 1, b)
            subj, addr = self.frame_roles(lead + 1, self._message_end(lead + 1, b), cue)
            if subj is None:
                subj = self._bare_subject(lead + 1, self._message_end(lead + 1, b), cue)
            if subj is None:
                return None
            if self._object_left(lead + 1, fe, cue, subj, addr):
                return None  # "…, the AU announced a payment system": the clause before is an adverbial
            msg = msg_a
            rule = "indirect_postposed"
        if subj is None:
            subj = self._coordinated_subject(si, a, cue[0])
        if subj is None and not any(self._low(x) in _EXPLETIVE for x in range(a, frame_end)) and not self._impersonal_cue(cue):
            return None
        pieces = [(self.toks[msg].start, self.toks[end - 1].end)]
        kind = "mixed" if any(self.in_quote[x] >= 0 for x in range(msg, end)) else "indirect"
        if before is not None:
            # "Die Lage sei ernst, sagte X, man arbeite an einer Lösung": one statement around its frame.
            pieces.insert(0, (self.toks[before[0]].start, self.toks[before[1] - 1].end))
            self.claimed.update(range(*before))
        self.claimed.update(range(msg, end))
        self.claimed.update(cue)
        for ch in (subj, addr):
            if ch is not None:
                self.claimed.update(range(ch.start, ch.end))
        via_text = None
        if via is not None:
            self.claimed.update(range(via.start, via.end))
            via_text = self._span_text(via.source.start, via.source.end)
        return _Stmt(pieces, kind, rule, si, cue=cue, source=subj, addressee=addr, via=via_text, end_sent=si)

    def _genitive_after(self, i: int, b: int) -> Chunk | None:
        """The genitive phrase right after the noun at `i`, with a name set off after it ("die
        Ankündigung ihres Trainers, Anna Berg, …"): who made the statement the noun names."""
        if i + 1 >= b or self._low(i + 1) not in self.lex.genitive_determiners:
            return None
        c = chunk_at(self.toks, i + 1, b, self.mark_tok, coordinate=False)
        return None if c is None or self._is_time(c) else self._with_apposition(c, b)

    def _relative_in_subject(self, k: int, b: int) -> bool:
        """Whether the comma `k` opens a relative clause on the reported clause's subject, after
        which that clause goes on with its verb ("…, Yang, die gesungen hatte, wäre perfekt gewesen")."""
        if self.toks[k - 1].pos not in ("NOUN", "PROPN") or self.toks[k + 1].pos != "PRON":
            return False
        e = self._clause_end(k + 1, b)
        return e + 1 < b and self.toks[e].text == "," and self._has_verb(k + 1, e) and self.toks[e + 1].pos in ("VERB", "AUX")

    def _bare_subject(self, a: int, b: int, cue: list[int]) -> Chunk | None:
        """The subject of a frame [a, b) that is no noun phrase of the chunker's: a quoted name
        ("Die „Zeit“ meldet, …", "„BBC News“ berichtet, …") or a demonstrative standing alone
        next to the verb ("Diese besagt, dass …", "Das bestätigte dieser, …")."""
        lex = self.lex
        v, w = min(cue), max(cue)
        for k in range(a, b):
            if k in cue or k in self.claimed or (k > a and self.toks[k - 1].pos == "ADP"):
                continue
            low = self._low(k)
            if self.toks[k].pos == "DET" and low not in lex.oblique_determiners:
                qn = self._quoted_name(k + 1, b)
                if qn is not None:
                    return Chunk(k, qn.end, qn.head)
                if low in lex.demonstratives and (k + 1 == v or k == w + 1) and (
                        k + 1 >= b or self.toks[k + 1].pos not in ("NOUN", "PROPN", "ADJ")):
                    return Chunk(k, k + 1, k)
            elif k in self.mark_tok and (k == a or k == w + 1):
                qn = self._quoted_name(k, b)
                if qn is not None:
                    return qn
        return None

    def _interposed_before(self, fa: int, cue: list[int], rule: str | None) -> tuple[int, int] | None:
        """Token range of the clause before a frame that opens with its verb after a comma and
        goes on with the rest of the statement ("Die Lage sei ernst, sagte X, man arbeite …"),
        or None. The clause must be a main clause of its own, not a subordinate one ("Nachdem X
        kam, sagte Y, …") nor the first half of a coordination."""
        lead = cue[0] - 1
        lex = self.lex
        if rule == "indirect_infinitive" or lead - fa < 3 or self.toks[lead].text != "," or lead in self.claimed:
            return None
        low = self._low(fa)
        if self.toks[fa].pos == "SCONJ" or low in lex.complementizers or (
                low in lex.not_message_openers and low not in lex.definite and low not in lex.indefinite):
            return None
        if any(x in self.claimed or self.toks[x].text in (",", ";", ":") for x in range(fa, lead)):
            return None
        if not self._has_verb(fa, lead) or self.toks[cue[0]].pos not in ("VERB", "AUX"):
            return None
        return fa, lead

    def _reported_object(self, si: int, a: int, b: int, cue: list[int]) -> _Stmt | None:
        """"Die Stadt fordert die Rückgabe", "Merkel sprach von einem Erfolg": a speech verb whose
        plain object is the statement (the task's "reported" form). The sentence is the statement,
        its subject the source; the quote's text is the object."""
        lex = self.lex
        i = cue[0]
        lem = self.toks[i].lemma.lower()
        key = self._low(cue[-1]) + lem if len(cue) > 1 else lem
        preps = lex.reported_verbs.get(key)
        # "X bestreitet, … zu haben, und wirft Y Betrug vor": a verb after a coordinator opens a
        # clause of its own, whatever the sentence's first clause already reported.
        coordinated = i > a and self._low(i - 1) in lex.coordinators
        if preps is None or (any(k in self.claimed for k in range(a, b)) and not coordinated) or any(
                self.in_quote[k] >= 0 for k in cue):
            return None
        if self.toks[i].pos != "VERB":
            return None  # "the list of demands": a noun names no statement of its own here
        if si in self.source_sents:
            return None  # "laut X" in the sentence makes it X's statement
        if any(self.in_quote[k] >= 0 for k in range(a, b)):
            return None  # quoted words in the sentence are its speaker's direct quote (`embedded`)
        if any(x in self._low(i)[2:-2] for x in self.lex.infinitive_infixes) or \
                (i > a and self._low(i - 1) in self.lex.infinitive_markers):
            return None  # an infinitive ("vorzuschlagen", "to demand") is what someone wants, not said
        # The verb's clause: from the last clause break before it to the next one after it.
        ca = a
        for x in range(i - 1, a - 1, -1):
            if self.toks[x].text in (";", ":") or x in self.mark_tok:
                ca = x + 1
                break
            if self.toks[x].text == "," :
                # A subordinate clause or an apposition ends here; only a main clause from the start,
                # unless the sentence opens with the subordinate clause ("While …, the AU announced …").
                fronted = self.toks[a].pos == "SCONJ" and self._low(a) in lex.not_message_openers
                opens_sub = self._low(x + 1) in lex.not_message_openers or self.toks[x + 1].pos == "VERB"
                ca = a if not fronted and opens_sub else x + 1
                break
        ce = self._clause_end(max(cue) + 1, b)
        if coordinated:
            ca = i
            if any(k in self.claimed for k in range(ca, ce)):
                return None
        if ca > a and (self._low(ca) in lex.not_message_openers or self._low(ca) in lex.complementizers) and not (
                self._low(ca) in lex.definite or self._low(ca) in lex.indefinite):
            return None  # the verb stands in a subordinate clause
        agent: Chunk | None = None
        if any(self.toks[x].pos == "AUX" and self.toks[x].lemma.lower() in ("werden", "be") for x in range(ca, i)):
            # passive ("wurde kritisiert"): the subject is not the speaker, the agent is ("wurde von X
            # als … bezeichnet", "was criticised by X")
            for x in range(ca, ce):
                if self.toks[x].pos == "ADP" and self._low(x) in lex.agent_prepositions and x not in cue:
                    agent = self._pp_object(x, ce)
                    if agent is not None and not self._is_time(agent):
                        agent = Chunk(x, agent.end, agent.head)
                        break
                    agent = None
            if agent is None:
                return None
        if preps and not any(self._low(x) in preps for x in range(i + 1 if agent is None else ca, ce)):
            return None
        subj, addr = self.frame_roles(ca, ce, cue)
        if agent is not None:
            subj = agent
        if coordinated:
            # the subject is the one before the coordinator; a phrase after the verb is its object
            subj = self._coordinated_subject(si, a, i)
            if addr is not None and subj is not None and addr.start < subj.end:
                addr = None
        if subj is None:
            subj = self._coordinated_subject(si, a, i)
        if subj is not None and agent is None and not coordinated and subj.end <= i and not self._can_speak(subj):
            subj = self._inverted_subject(cue, ce) or subj
        if subj is None or self._low(subj.start) in _EXPLETIVE or self._is_time(subj):
            return None
        if self._low(subj.head) in lex.first_person or self.toks[subj.head].pos not in ("NOUN", "PROPN", "PRON", "X"):
            return None
        if not self._can_speak(subj):
            return None  # "Überschwemmungen forderten 100 Todesopfer", "Ein Test bestätigte die Identität"
        skip = set(cue) | set(range(subj.start, subj.end))
        runs: list[list[int]] = []
        cur: list[int] = []
        for x in range(ca, ce):
            if x in skip or (self.toks[x].pos == "AUX" and (not cur or agent is not None)):
                if cur:
                    runs.append(cur)
                cur = []
                continue
            cur.append(x)
        if cur:
            runs.append(cur)
        runs = [[x for x in r if self.toks[x].text not in _FINAL] for r in runs]
        runs = [r for r in runs if len(r) >= 2 and any(self.toks[x].pos in ("NOUN", "PROPN", "NUM", "PRON") for x in r)]
        after = [r for r in runs if r[0] > (i if agent is None else agent.end - 1)]
        if not runs:
            return None
        obj = after[0] if after else max(runs, key=len)
        if self._low(obj[0]) in lex.reflexives and obj[0] == max(cue) + 1 and si + 1 < len(self.sent_range) and self._subjunctive(
                *self.sent_range[si + 1], continuing=True):
            return None  # "X äußerte sich zu Y. Es sei …": a bare frame for the report that follows
        rule = "reported_object" if agent is None else "reported_passive"
        pieces = [(self.toks[obj[0]].start, self.toks[obj[-1]].end)]
        kind = "mixed" if any(self.in_quote[x] >= 0 for x in obj) else "indirect"
        self.claimed.update(range(a, b))
        stmt = _Stmt(pieces, kind, rule, si, cue=cue, source=subj, addressee=addr, end_sent=si)
        stmt.statement = (self.toks[a].start, self.toks[b - 1].end)
        return stmt

    def _inverted_subject(self, cue: list[int], ce: int) -> Chunk | None:
        """"Die Entscheidung bezeichnete Merkel als Fehler": with the object fronted, the phrase
        right after the finite verb is the subject, if it names someone who can speak."""
        v = max(cue) + 1
        if v >= ce or v in self.claimed or self.toks[v].pos in ("ADP", "PUNCT"):
            return None
        c = chunk_at(self.toks, v, ce, self.mark_tok)
        if c is None or self._not_subject(c) or self._is_time(c) or not self._can_speak(c):
            return None
        # its head must be the speaker, not a thing named after one ("die Festnahme von X")
        if not self._speaker_head(c):
            return None
        return self._with_apposition(c, ce)

    def _can_speak(self, c: Chunk) -> bool:
        """Whether a phrase names someone who can make a statement: a person, organisation or
        country, an office or body ("der Minister", "die Partei"), a name or a pronoun."""
        head = self.toks[c.head]
        if head.pos in ("PRON", "PROPN", "X"):
            return True
        s, e = self.toks[c.start].start, self.toks[c.end - 1].end
        if any(x[2].type in ("PER", "ORG", "GPE") for x in self._entities_in(s, e)):
            return True
        lex = self.lex
        words = [self.toks[x].text for x in range(c.start, c.end) if self.toks[x].pos in ("NOUN", "PROPN")]
        return any(lex.is_role_noun(w) or lex.is_org_noun(w) or lex.is_spokesperson(w) or lex.is_group_noun(w)
                   for w in words)

    def _speaker_head(self, c: Chunk) -> bool:
        """Whether the head of `c` names someone who can make a statement, rather than a thing
        named after someone ("die Gründung der Kommission")."""
        h = self.toks[c.head]
        lex = self.lex
        return (h.pos in ("PROPN", "PRON", "X") or lex.is_role_noun(h.text) or lex.is_org_noun(h.text)
                or lex.is_spokesperson(h.text) or lex.is_group_noun(h.text)
                or any(x[2].type in ("PER", "ORG", "GPE") and x[0] <= h.start < x[1] for x in self._entities_in(h.start, h.end)))

    def _before_parenthesis(self, a: int) -> int:
        """Start of a frame that a parenthesis cut off before its verb ("Die Ministerin Anna Berg
        (SPD) äußerte …" read from after the bracket): back to where the clause begins."""
        toks = self.toks
        s0 = self.sent_range[self.sent_of[a]][0] if a < len(toks) else a
        if a <= s0 or toks[a - 1].text != ")" or self.toks[a].pos not in ("VERB", "AUX"):
            return a
        k = a - 2
        while k > s0 and toks[k].text != "(" and a - k < 12:
            k -= 1
        if toks[k].text != "(":
            return a
        while k > s0 and toks[k - 1].text not in _CLAUSE_BREAK and k - 1 not in self.claimed \
                and k - 1 not in self.mark_tok and self.in_quote[k - 1] < 0:
            k -= 1
        return k

    def _cue_complex(self, cue: list[int]) -> list[int]:
        """The whole speech predicate around a verb cue, as annotators mark it: its auxiliary in
        the clause ("hat … mitgeteilt", "wurde … vorgeworfen"), the expletive of "heißt es", a
        reflexive ("äußerte sich") and a pronominal adverb ("geht davon aus", "wies darauf hin")."""
        i = cue[0]
        if len(cue) == 1 and self._low(i) in self.lex.stance_adjectives:
            return self._stance_cue(i)
        if self.toks[i].pos not in ("VERB", "AUX"):
            return cue
        si = self.sent_of[i]
        a, b = self.sent_range[si]
        lex = self.lex
        out = set(cue)
        lo = i
        while lo - 1 >= a and self.toks[lo - 1].text not in _CLAUSE_BREAK and lo - 1 not in self.mark_tok \
                and self.in_quote[lo - 1] < 0 and not (lo == i and self._low(lo - 1) in lex.coordinators):
            lo -= 1
        hi = self._bracket_end(i + 1, b)
        # an auxiliary behind a comma after the verb belongs to an inserted clause ("wirft X, der … war, … vor")
        aux = [x for x in range(lo, hi) if self.toks[x].pos == "AUX" and x not in out
               and not (x > i and self._clause_between(i, x))]
        # A finite past form ("erklärte") has no auxiliary; participles and infinitives do.
        if aux and not self._low(i).endswith(("te", "ten", "tet")):
            ax = min(aux, key=lambda x: abs(x - i))
            out.add(ax)
            # "hat sich … geäußert": the reflexive between auxiliary and participle
            out.update(x for x in range(ax + 1, i) if self._low(x) in lex.reflexives and self.toks[x].pos == "PRON")
        if lo < i and any(p.items[0] == self._low(lo) and p.items[0] in p.cue.split() and "{" in p.cue
                          for p in lex.source_patterns):
            out.add(lo)  # "Wie die Polizei mitteilte, …"
        for x in (i - 1, i + 1):
            if a <= x < hi and self._low(x) in _EXPLETIVE and self.toks[i].lemma.lower() in lex.impersonal_verbs:
                out.add(x)
        if i + 1 < hi and self._low(i + 1) in lex.reflexives:
            out.add(i + 1)
        # The pronominal adverb belongs to a particle verb that governs it ("geht davon aus",
        # "wies darauf hin"); after a plain verb it is an adverbial ("sagte dazu").
        lem = self.toks[i].lemma.lower()
        particle = len(cue) > 1 or any(lem.startswith(p) and p in lex.particle_verbs.get(lem[len(p):], ())
                                       for p in lex.particles)
        for x in range(i + 1, min(hi, i + 4)):
            if particle and self._low(x) in lex.cue_adverbs:
                out.add(x)
                break
        return sorted(out)

    def _stance_cue(self, i: int) -> list[int]:
        """"zeigte sich darüber besorgt": the stance adjective with the verb of its clause, the
        reflexive and the pronominal adverb between them."""
        a = self.sent_range[self.sent_of[i]][0]
        v = next((x for x in range(i - 1, a - 1, -1) if self.toks[x].pos in ("VERB", "AUX")
                  or self.toks[x].text in _CLAUSE_BREAK), None)
        if v is None or self.toks[v].text in _CLAUSE_BREAK:
            return [i]
        out = [v, i] + [x for x in range(v + 1, i) if self._low(x) in self.lex.reflexives or self._low(x) in self.lex.cue_adverbs]
        return sorted(out)

    def _subordinate(self, a: int, k: int) -> bool:
        """Whether token `k` stands in a clause opened by a subordinator ("ob", "weil", "that"),
        other than the "wie"/"as" of a source phrase ("wie X mitteilte, …")."""
        cs = a
        for x in range(k - 1, a - 1, -1):
            if self.toks[x].text in _CLAUSE_BREAK and self.in_quote[x] < 0:
                cs = x + 1
                break
        low = self._low(cs)
        if cs >= k or any(p.items[0] == low for p in self.lex.source_patterns):
            return False
        return low in self.lex.complementizers or low in self.lex.not_message_openers

    def _passive(self, a: int, b: int, cue: list[int]) -> tuple[bool, Chunk | None]:
        """Whether the cue is a passive participle in the frame [a, b) ("wurde aufgerufen", "was
        urged"), and the agent phrase with its preposition when one is named."""
        if not load_passive(self.lang).of_verb(self.toks, cue[0], max(cue), a, b,
                                               lambda x: self.toks[x].text in _CLAUSE_BREAK
                                               or self._low(x) in self.lex.coordinators):
            return False, None
        for x in range(a, b):
            if self.toks[x].pos == "ADP" and self._low(x) in self.lex.agent_prepositions and x not in cue:
                ag = self._pp_object(x, b)
                if ag is not None and not self._is_time(ag):
                    return True, Chunk(x, ag.end, ag.head)
        return True, None

    def _coordinated_subject(self, si: int, a: int, i: int) -> Chunk | None:
        """"X bewertete ... und unterstrich, dass ...": a speech verb right after a coordinator
        shares the subject of the clause before it (that statement's source, else the
        sentence-initial noun phrase)."""
        j = i - 1
        while j > a and (self.toks[j].pos in ("ADV", "PART") or (j in self.mark_tok and self._participle(i))):
            j -= 1
        if j <= a or not (self._low(j) in self.lex.coordinators or (self.toks[j].text == "," and self._participle(i))):
            return None
        for st in reversed(self.stmts):
            if st.sent == si and st.source is not None and st.source.end <= j:
                return st.source
        c = chunk_at(self.toks, a, j, self.mark_tok)
        if c is not None and self._is_time(c):
            c = self._after_time(c)
        if c is None:
            return None
        return self._with_apposition(c, j)

    def _participle(self, k: int) -> bool:
        """Whether token `k` is a speech verb's participle that borrows its subject ("saying")."""
        ends = load_passive(self.lang).active_participle_endings
        return bool(ends) and self.toks[k].pos == "VERB" and self._low(k).endswith(ends) and self._low(k) != self.toks[k].lemma.lower()

    def _frame_cut(self, a: int, e: int) -> int:
        """End of a reported clause [a, e) before a frame of its own that follows it: a comma
        or coordinator and then a speech verb ("…, insisting she was …", "… and said he would …")."""
        for k in range(a + 2, e - 1):
            if self.in_quote[k] >= 0 or not (self.toks[k].text == "," or self._low(k) in self.lex.coordinators):
                continue
            j = k + 1
            while j < e and self.toks[j].pos == "ADV":
                j += 1
            if j < e and self.toks[j].pos == "VERB" and (
                    self._participle(j) or self._low(k) in self.lex.coordinators) and (cue := self.cue_at(j, e)):
                lem = self.toks[j].lemma.lower()
                if (self._low(cue[-1]) + lem if len(cue) > 1 else lem) in self.lex.speech:
                    return k
        return self._resumed_clause(a, e)

    def _is_subjunctive_form(self, k: int) -> bool:
        """Whether token `k` is a Konjunktiv I verb form (the mood of reported speech)."""
        low, lem, suf = self._low(k), self.toks[k].lemma.lower(), self.lex.subjunctive_suffix
        return low in self.lex.subjunctive or bool(
            suf and self.toks[k].pos == "VERB" and lem.endswith("en") and low == lem[:-2] + suf)

    def _resumed_clause(self, a: int, e: int) -> int:
        """End of a reported clause [a, e) where the sentence around it goes on: a comma or
        coordinator and then a verb not in the Konjunktiv I resumes the frame's own clause ("…, er
        sei unschuldig, erkannte das Gericht nicht an", "…, dass X eingesetzt werde, und weigerte
        sich …", "Hieß es, dass …, wird nun …"), and a clause on the whole statement after a comma
        ("…, was dieser zurückweist") is the writer's comment unless it is itself reported."""
        lex = self.lex
        if a >= e:
            return e
        # An adverbial clause has its own main clause after its comma ("…, wenn es regnet, fällt
        # das Spiel aus"); after any other inner comma a verb may close an apposition or an
        # inserted clause ("dass X den Bundesrat, die Länderkammer, ausgeschlossen hat").
        low = self._low(a)
        allowed = 1 if (low in lex.not_message_openers or self.toks[a].pos == "SCONJ") and low not in lex.complementizers else 0
        commas = 0  # unquoted commas in the clause before token k
        reported = False
        for k in range(a, e - 1):
            if self.in_quote[k] >= 0 or k in self.mark_tok:
                continue
            t = self.toks[k]
            if t.pos in ("VERB", "AUX") and (self._is_subjunctive_form(k) or self._low(k) in lex.subjunctive_ii):
                reported = True
            if k >= a + 2 and t.text == "," and self._low(k + 1) in lex.sentential_relatives:
                if not self._subjunctive(k + 1, self._clause_end_q(k + 1, e)):
                    return k
            inner = commas
            if t.text == ",":
                commas += 1
            elif self._low(k) not in lex.coordinators:
                continue
            j = k + 1
            if (k < a + 2 or inner != allowed or j + 1 >= e or self.toks[j].pos not in ("VERB", "AUX")
                    or self._is_subjunctive_form(j) or not self._has_verb(a, k)):
                continue  # (a verbless start is no clause yet: the verb after the comma is its own)
            if self._low(j) in lex.subjunctive_ii and reported:
                continue  # "…, er sei krank, hätte aber …": the reported clause goes on
            if t.text != "," and (self.toks[k - 1].pos not in ("VERB", "AUX") or self.toks[j + 1].pos in ("VERB", "AUX")):
                continue  # "gewarnt und gedroht habe": verbs coordinated inside the clause
            return k
        return e

    def from_sources(self, hits: list[_SourceHit]) -> None:
        """Source phrases in sentences without their own speech verb frame become statements."""
        for h in hits:
            if any(k in self.claimed for k in range(h.start, h.end)):
                continue
            si = self.sent_of[h.start]
            a, b = self.sent_range[si]
            a, end = self._source_clause(h, a, self._message_end(a, b))
            left = [x for x in range(a, h.start) if x not in self.claimed]
            right = [x for x in range(h.end, end) if x not in self.claimed]
            if left and self._low(left[-1]) in self.lex.coordinators and h.start - left[-1] == 1:
                left = []  # "X happened and according to Y Z happened": Y reports only the clause it opens
            if right and self.toks[right[0]].text == ",":
                right = right[1:]
            if left and self.toks[left[-1]].text == ",":
                left = left[:-1]
            source = h.source
            if h.start > a and self.toks[h.start - 1].text == "," and h.source.start == h.cue[0]:
                # "ein Bericht der Agentur, wonach …": the adverb opens a relative clause, which is
                # the statement; the phrase it refers to is the source when it names a report or a speaker.
                left = []
                right = [x for x in right if x < self._clause_end(h.end, end)]
                ante = chunk_before(self.toks, h.start - 1, a, self.mark_tok)
                if ante is not None and (self._names_someone(ante) or self.lex.is_source_noun(self.toks[ante.head].text)):
                    source = ante
            # The word opening a relative or subordinate clause is the message's first piece ("das").
            pieces = [(self.toks[r[0]].start, self.toks[r[-1]].end) for r in (left, right)
                      if len(r) >= 2 or (r is left and r and r[0] == a and a > self.sent_range[si][0])]
            if not pieces or not self._has_verb(min(left + right), max(left + right) + 1):
                continue
            span = left + right
            kind = "mixed" if any(self.in_quote[x] >= 0 for x in span) else "indirect"
            self.claimed.update(range(h.start, h.end))
            self.claimed.update(span)
            self.stmts.append(_Stmt(pieces, kind, f"source_{h.pattern.rule}", si, cue=h.cue, source=source, end_sent=si))

    def _source_clause(self, h: _SourceHit, a: int, e: int) -> tuple[int, int]:
        """The clause [a, e) that a source phrase reports: the sentence, or the relative or
        subordinate clause the phrase stands in ("…, das nach Angaben X … diene, …", "…, da nach
        Angaben X …"), from its opening word to the comma that closes it."""
        lex = self.lex

        def opens_clause(n: int) -> bool:
            t = self.toks[n]
            if t.pos == "ADP" and n + 1 < h.start:
                n, t = n + 1, self.toks[n + 1]  # "…, auf dem sich nach Angaben X …"
            low = t.text.lower()
            return t.pos in ("SCONJ", "PRON", "DET") and (low in lex.not_message_openers or low in lex.complementizers)

        def is_break(k: int) -> bool:
            return self.toks[k].text in _CLAUSE_BREAK and self.in_quote[k] < 0 and k not in self.mark_tok

        def opens_main_clause(n: int) -> bool:
            # "…, jedoch ist laut ZDF fraglich, …", "…, so sollen diese laut X …": a main clause
            # of its own after the comma, its verb right after a conjunction or adverb
            k = n
            while k < h.start and self.toks[k].pos in ("CCONJ", "ADV"):
                k += 1
            return n < k < h.start and self.toks[k].pos in ("VERB", "AUX") and not self._is_participle_form(k)

        if is_break(h.start):
            return a, e  # "…, so X.": a phrase after the clause reports all of it
        x = next((x for x in range(h.start - 1, a - 1, -1) if is_break(x)), None)
        if x is not None and self.toks[x].text == "," and x + 1 < h.start and opens_main_clause(x + 1):
            return x + 1, e
        if x is None or x + 1 >= h.start or not opens_clause(x + 1):
            return a, e
        k = max(h.end, self._source_extent(h.source).end)
        if k >= e or is_break(k):
            return a, e  # the phrase closes the sentence ("…, so X."): it reports all of it
        while k < e and not (is_break(k) and not (self.toks[k].text == "," and k + 1 < e and self.toks[k + 1].pos == "SCONJ")):
            k += 1  # an adverbial clause inside the clause belongs to it ("…, die nur zulässig ist, wenn …")
        return x + 1, k

    def embedded(self) -> None:
        """Quoted words inside a sentence that reports them ("bezeichnete die Lage als „dramatisch“",
        "called it a “national embarrassment”"): a direct quote of the sentence's speaker, found
        by the speech verb outside the quotation marks."""
        for m in self.outer:
            o, c = self._tok_at(m.open), self._tok_at(m.close)
            if o >= len(self.toks) or c >= len(self.toks) or self.toks[o].start != m.open:
                continue
            content = range(o + 1, c)
            if not content or any(k in self.claimed for k in content) or self.sent_of[o] != self.sent_of[c]:
                continue
            if (o > 0 and self.toks[o - 1].pos in ("NOUN", "PROPN") and self.toks[o + 1].text[:1].isupper()
                    and not self._has_verb(o + 1, c)):
                continue  # "die Partei „Die Linke“", "der Begriff „Aktiensplit“": a name, not words said
            if (o > 0 and self._low(o - 1) in self.lex.definite and self.toks[o + 1].text[:1].isupper()
                    and not self._has_verb(o + 1, c) and self.text[m.end - 1:m.end].isalnum()):
                continue  # "sagte der „Berliner Zeitung“": a title after its article, not words said
            if o > 0 and self._low(o - 1) in self.lex.reflexives and not self._has_verb(o + 1, c):
                continue  # "nennt sich „Forum 21“": the name something goes by, not words said
            si = self.sent_of[o]
            a, b = self.sent_range[si]
            cues = [cue for k in range(a, b) if k not in self.claimed and (cue := self.cue_at(k, b))
                    and self.toks[k].lemma.lower() not in self.lex.cognition]
            if not cues:
                continue
            cue = min(cues, key=lambda q: (self._clause_between(q[0], o), self.toks[q[0]].pos not in ("VERB", "AUX"),
                                           abs(q[0] - o)))
            fa = a
            for x in range(cue[0] - 1, a - 1, -1):
                if self.toks[x].text in (";", ":"):
                    fa = x + 1
                    break
            fe = self._clause_end(max(cue) + 1, b) if max(cue) < o else o
            subj = addr = None
            # The cue's own clause first ("…, Vizekanzler Westerwelle strich „…“ hervor", "X, who
            # denounced … as „…“"), when its subject stands in it before the cue.
            ca = next((x + 1 for x in range(cue[0] - 1, fa - 1, -1)
                       if self.toks[x].text in _CLAUSE_BREAK and self.in_quote[x] < 0 and x not in self.mark_tok), fa)
            if ca > fa and ca < cue[0] and self.toks[ca].pos == "PRON" and self._low(ca) in self.lex.not_message_openers:
                subj = self._relative_antecedent(Chunk(ca, ca + 1, ca), fa)
                if subj.start == ca:
                    subj = None
            if ca > fa and subj is None:
                subj, addr = self.frame_roles(ca, fe, cue)
                if subj is not None and subj.start >= cue[0] and self.toks[subj.start].pos != "PRON":
                    subj = None
            if subj is None:
                # The subject may already frame another statement of the sentence ("X bewertete …
                # als „…“ und unterstrich, dass …"): claimed tokens are no subject to frame_roles.
                shared = [st.source for st in self.stmts if st.sent == si and st.source is not None
                          and fa <= st.source.start and st.source.end <= cue[0]]
                subj = shared[-1] if shared else None
            if subj is None:
                subj, addr = self.frame_roles(fa, fe, cue)
            if subj is None:
                subj = self._coordinated_subject(si, a, cue[0])
            if subj is None or self._is_time(subj):
                continue
            self.claimed.update(range(o, c + 1))
            self.stmts.append(_Stmt([self._content(m)], "direct", "direct_embedded", si, cue=cue, source=subj,
                                    addressee=addr, end_sent=si))

    def introduced(self) -> None:
        """"Ali bekannte sich erneut zum Dialog: „Ich begrüße …“": a quotation that follows a
        colon is the words of the subject of the clause before the colon, even when that clause
        names no speech verb; the quotation is its direct statement, without a cue."""
        for m in self.outer:
            o, c = self._tok_at(m.open), self._tok_at(m.close)
            if o == 0 or o >= len(self.toks) or self.toks[o].start != m.open or self.toks[o - 1].text != ":":
                continue
            content = range(o + 1, min(c, len(self.toks)))
            if not content or any(k in self.claimed for k in content) or not self._has_verb(o + 1, content[-1] + 1):
                continue  # a word or a title after the colon, not words said
            colon = o - 1
            a = self.sent_range[self.sent_of[colon]][0]
            ca = next((x + 1 for x in range(colon - 1, a - 1, -1) if self.toks[x].text in (";", ":")
                       or self.in_quote[x] >= 0 or x in self.mark_tok), a)
            subj = chunk_at(self.toks, ca, colon, self.mark_tok)
            v = self.toks[subj.end] if subj is not None and subj.end < colon else None
            if v is None or not (v.pos in ("VERB", "AUX") or v.pos == "ADJ" and v.text[:1].islower()
                                 and not is_nominal(self.toks[subj.end + 1])):
                continue  # the clause must open with its subject and finite verb ("X zeigte sich …:")
            if self._is_time(subj) or not self._can_speak(subj) or self._low(subj.head) in self.lex.first_person:
                continue
            self.claimed.update(range(o, min(c + 1, len(self.toks))))
            self.stmts.append(_Stmt([self._content(m)], "direct", "direct_introduced", self.sent_of[o], source=subj,
                                    end_sent=self.sent_of[min(c, len(self.toks) - 1)]))

    def _clause_between(self, x: int, y: int) -> bool:
        """Whether a comma or other clause break outside quotation marks stands between tokens
        `x` and `y` (a cue in another clause frames the quote only when none is nearer)."""
        lo, hi = min(x, y), max(x, y)
        return any(self.toks[k].text in _CLAUSE_BREAK and self.in_quote[k] < 0 and k not in self.mark_tok
                   for k in range(lo + 1, hi))

    def continued(self) -> None:
        """Konjunktiv-I sentences right after a statement continue it (same speaker)."""
        if not self.lex.subjunctive:
            return
        by_sent: dict[int, _Stmt] = {}
        for s in self.stmts:
            by_sent[s.end_sent] = s
        for si, (a, b) in enumerate(self.sent_range):
            prev = by_sent.get(si - 1)
            strict = False
            if prev is None and si > 0:
                # "X wies diese Darstellung zurück. Vielmehr sei …": a speech verb right before frames
                # the report, closer than any statement before it
                prev = self._bare_frame(si - 1)
            if prev is None:
                # One sentence of narration between statement and Konjunktiv I does not end the
                # report ("Laut X … . X gibt keine Entwarnung. Die Lage sei …"); only the
                # unambiguous Konjunktiv I carries it over the gap.
                prev, strict = by_sent.get(si - 2), True
            if si in by_sent or any(k in self.claimed for k in range(a, b)):
                continue
            if not self._subjunctive(a, b, continuing=True, strict=strict or prev is None):
                continue
            if self._own_frame(a, b):
                continue  # a sentence with its own speech verb and speaker has its own frame, not the last one's
            end = self._message_end(a, b)
            if end - a < 3:
                continue
            kind = "mixed" if any(self.in_quote[x] >= 0 for x in range(a, end)) else "indirect"
            # Without a statement before it, a Konjunktiv-I sentence is still reported speech
            # ("free indirect"), of a speaker the text leaves to the reader: no source.
            rule = "indirect_continued" if prev is not None else "indirect_free"
            stmt = _Stmt([(self.toks[a].start, self.toks[end - 1].end)], kind, rule, si, inherited=prev, end_sent=si)
            free = self._free_after_main_clause(si, a, end, kind) if prev is None else None
            if free is not None:
                stmt = free
            elif (sub := self._reported_subclause(a, end)) is not None:
                # "Für X gilt die höchste Stufe, weil er sich bedroht fühle": the narrated main clause
                # is the writer's; only the Konjunktiv clause after it continues the report
                a = sub
                stmt = _Stmt([(self.toks[a].start, self.toks[end - 1].end)], kind, rule + "_subclause", si,
                             inherited=prev, end_sent=si)
            self.claimed.update(range(a, end))
            self.stmts.append(stmt)
            by_sent[si] = stmt

    def _reported_subclause(self, a: int, end: int) -> int | None:
        """Start of the clause that holds the sentence's Konjunktiv when an indicative main clause
        stands before it, after a comma ("…, weil er sich bedroht fühle"); None when the main
        clause itself is reported."""
        lex = self.lex
        k0 = next((k for k in range(a, end) if self.in_quote[k] < 0 and self.toks[k].pos in ("AUX", "VERB") and (
            self._low(k) in lex.subjunctive or self._low(k) in lex.subjunctive_ii_continuing)), None)
        if k0 is None:
            return None
        c = next((x for x in range(k0 - 1, a, -1) if self.toks[x].text == "," and self.in_quote[x] < 0), None)
        if c is None or c + 1 >= k0 or self._subjunctive(a, c, continuing=True) or not self._has_verb(a, c):
            return None
        if not (self.toks[c + 1].pos == "SCONJ" or self._low(c + 1) in lex.complementizers):
            return None  # a relative clause or apposition describes the main clause's words, which are reported
        return c + 1

    def _own_frame(self, a: int, b: int) -> bool:
        """Whether the sentence [a, b) has a speech verb whose subject names a person or an
        organisation ("Spector habe …, was Zeugen bestätigen würden" has none: the verb's subject
        names no one, and the sentence still continues the report before it)."""
        for k in range(a, b):
            cue = self.cue_at(k, b)
            if not cue:
                continue
            # the verb's own clause: in "X habe …, was Zeugen bestätigen" the subject is "Zeugen", not X
            ca = next((x + 1 for x in range(cue[0] - 1, a - 1, -1) if self.toks[x].text in _CLAUSE_BREAK
                       and self.in_quote[x] < 0), a)
            subj, _ = self.frame_roles(ca, self._clause_end(max(cue) + 1, b), cue)
            if subj is not None and any(x[2].type in ("PER", "ORG") for x in self._entities_in(
                    self.toks[subj.start].start, self.toks[subj.end - 1].end)):
                return True
        return False

    def _bare_frame(self, si: int) -> _Stmt | None:
        """"X äußerte sich am Montag zu den Vorwürfen.": a speech verb with a speaker but no message
        of its own announces the report that the Konjunktiv sentences after it give; it is no
        statement itself, only the frame they continue (its speaker)."""
        a, b = self.sent_range[si]
        if any(s.sent == si or s.end_sent == si for s in self.stmts):
            return None
        if any(self.in_quote[k] >= 0 or self.toks[k].text in (",", ":", ";") or self._low(k) in self.lex.complementizers
               for k in range(a, b)):
            return None  # a clause or quotation after the verb may be its message: not a bare frame
        for k in range(a, b):
            cue = self.cue_at(k, b)
            lem = self.toks[cue[0]].lemma.lower() if cue else ""
            if not cue or (lem not in self.lex.speech and self._low(cue[-1]) + lem not in self.lex.speech):
                continue  # a particle verb ("wies … zurück") is a speech verb with its particle
            if self._subordinate(a, cue[0]):
                continue
            subj, _ = self.frame_roles(a, b, cue)
            if subj is None or not self._can_speak(subj):
                return None
            frame = _Stmt([], "indirect", "bare_frame", si, cue=cue, source=subj, end_sent=si)
            frame.speaker = self._speaker(frame)
            return frame if frame.speaker is not None else None
        return None

    def _free_after_main_clause(self, si: int, a: int, end: int, kind: str) -> _Stmt | None:
        """"Die Behörde lehnte den Antrag ab, die Forderungen seien überzogen": a Konjunktiv-I
        clause after a comma reports what the named subject of the indicative main clause before
        it says; the statement is that clause and the subject its source."""
        lex = self.lex
        k0 = next((k for k in range(a, end) if self._low(k) in lex.subjunctive and self.toks[k].pos in ("AUX", "VERB")), None)
        if k0 is None:
            return None
        c = next((x for x in range(k0 - 1, a, -1) if self.toks[x].text == ","), None)
        if c is None or c + 1 >= k0 or self._subjunctive(a, c) or not self._has_verb(a, c):
            return None
        low = self._low(c + 1)
        # an article opens a phrase ("die meisten der Forderungen"); a relative pronoun a clause ("der nicht …")
        article = (low in lex.definite or low in lex.indefinite) and self.toks[c + 2].pos not in (
            "VERB", "AUX", "ADV", "PART", "ADP", "PUNCT", "PRON", "SCONJ")
        if self.toks[c + 1].pos == "SCONJ" or low in lex.complementizers or (low in lex.not_message_openers and not article):
            return None  # a subordinate or relative clause, not a report
        if any(self.toks[x].text in (";", ":") for x in range(a, c)):
            return None
        subj = chunk_at(self.toks, a, c, self.mark_tok)
        if subj is None or self._is_time(subj):
            return None
        ents = self._speaker_mentions(self.toks[subj.start].start, self.toks[subj.end - 1].end)
        if not any(x[2].type in ("PER", "ORG") for x in ents):
            return None
        return _Stmt([(self.toks[c + 1].start, self.toks[end - 1].end)], kind, "indirect_free_clause", si,
                     source=subj, end_sent=si)

    def _subjunctive(self, a: int, b: int, continuing: bool = False, strict: bool = False) -> bool:
        lex = self.lex
        if any(self._low(k) in lex.first_person for k in range(a, b)):
            return False
        for k in range(a, b):
            if self.in_quote[k] >= 0:
                continue
            t = self.toks[k]
            low = t.text.lower()
            # Konjunktiv II stands in for I where I equals the indicative ("sie hätten").
            # Alone (a sentence continuing a statement) only those Konjunktiv II forms that stand
            # in for an indicative-looking Konjunktiv I; others ("wäre", "würde") are hypothetical.
            ii = frozenset() if strict else lex.subjunctive_ii_continuing if continuing else lex.subjunctive_ii
            if (low in lex.subjunctive or low in ii) and t.pos in ("AUX", "VERB"):
                return True
            if continuing and low in lex.reportative_modals and not any(self.toks[x].text == "," for x in range(a, k)) \
                    and (not strict or self._hearsay(k, b)):
                # only as the main clause's verb: in a relative clause ("…, der antreten soll") it
                # describes, it does not report; away from a statement only as hearsay, since
                # "soll" with a plain infinitive is as often the writer's report of a plan
                return True
            suf = lex.subjunctive_suffix
            lem = t.lemma.lower()
            if suf and t.pos == "VERB" and lem.endswith("en") and low == lem[:-2] + suf and k > a:
                return True
        return False

    def _hearsay(self, k: int, b: int) -> bool:
        """Whether the reportative modal at `k` governs a perfect infinitive in its clause ("soll
        … geflohen sein", "sollen … verhaftet worden sein"): hearsay about the past."""
        for x in range(k + 2, b):
            t = self.toks[x]
            if t.text in _CLAUSE_BREAK:
                return False
            if load_passive(self.lang).perfect_infinitive(t, self.toks[x - 1]):
                return True
        return False

    # -- speakers ------------------------------------------------------------------------

    def _span_text(self, a: int, b: int) -> str:
        return self.text[self.toks[a].start:self.toks[b - 1].end]

    def _entities_in(self, s: int, e: int) -> list[tuple[int, int, Entity]]:
        return [x for x in self.mentions if x[0] < e and s < x[1]]

    def _speaker_mentions(self, s: int, e: int) -> list[tuple[int, int, Entity]]:
        """Mentions in a source phrase, less those that are only the first part of a compound
        ("UN" in "UN-Flüchtlingskommissariat": the compound names someone else)."""
        text = self.text
        return [x for x in self._entities_in(s, e)
                if not (x[1] + 1 < len(text) and text[x[1]] == "-" and text[x[1] + 1].isalpha()
                        and not self.lex.is_source_noun(self._word_at(x[1]))
                        and not self.lex.is_spokesperson(self._word_at(x[1])))]

    def _word_at(self, offset: int) -> str:
        """The token holding character `offset` ("Reuters-Meldung" for the end of "Reuters")."""
        k = max(0, bisect_left(self.starts, offset + 1) - 1)
        return self.toks[k].text

    def _canon(self, x: tuple[int, int, Entity]) -> str:
        """The entity of a mention, or the one the coref stage joined it to ("Cengiz" → "Hatice Cengiz")."""
        lk = self.coref.get((x[0], x[1]))
        return lk["entity"] if lk is not None and lk["kind"] == "name" and lk.get("entity") else x[2].id

    def _link(self, k: int, kinds: tuple[str, ...]) -> dict | None:
        """The coref stage's link for token `k` when it is one of `kinds`."""
        t = self.toks[k]
        lk = self.coref.get((t.start, t.end))
        return lk if lk is not None and lk["kind"] in kinds else None

    def _speaker(self, st: _Stmt) -> str | None:
        c = st.source
        if c is None:
            return None
        s, e = self.toks[c.start].start, self.toks[c.end - 1].end
        ents = self._speaker_mentions(s, e)
        pers = [x for x in ents if x[2].type == "PER"]
        if pers:
            # The person the phrase is about: at its head ("Der Sprecher, Werner Hoyer") or its
            # start ("Hatice Cengiz, the fiancée of Jamal Khashoggi"), else the last one named.
            ht, st = self.toks[c.head], self.toks[c.start]
            at = [x for x in pers if x[0] <= ht.start < x[1]] or [x for x in pers if x[0] <= st.start < x[1]]
            return self._canon((at or pers)[-1])
        head = self.toks[c.head]
        lex = self.lex
        orgs = [x for x in ents if x[2].type == "ORG"] or [x for x in ents if x[2].type == "GPE"]
        org = self._canon(orgs[0]) if orgs else None
        first_low = self._low(c.start)
        role = lex.is_role_noun(head.text) or lex.is_spokesperson(head.text)
        # Pronouns and possessive phrases ("Seine Begründung: …"): who the coref stage says they are.
        if head.pos == "PRON":
            lk = self._link(c.head, ("pronoun",))
            return lk["entity"] if lk is not None else None
        if not role:
            lk = self._link(c.start, ("possessive",))
            if lk is not None:
                return lk["entity"]
        if role:
            if lex.is_spokesperson(head.text) or first_low in lex.indefinite:
                return org
            lk = self._link(c.head, ("role",))
            found = lk["entity"] if lk is not None and lk.get("entity") else org
            if found is None or self.ent_by_id[found].type == "GPE":
                # "der ägyptische Innenminister" with no minister named: his ministry, where the
                # text names it, speaks rather than the country.
                return self._office_of(c) or found
            return found
        if org is None:
            lk = self._link(c.head, ("org",))
            if lk is not None and lk.get("entity"):
                return lk["entity"]
        if org is not None:
            return org
        other = [x for x in ents if x[2].type in ("MISC", "LOC")]
        return other[0][2].id if other else None

    def _office_of(self, c: Chunk) -> str | None:
        """The organisation entity named for the office of the role noun heading `c`
        ("Innenminister" → "Innenministerium", "Interior Minister" → "Interior Ministry")."""
        head = self.toks[c.head].text
        low = head.lower()
        for role, office in self.lex.role_offices.items():
            if not low.endswith(role):
                continue
            names = []
            if len(low) > len(role):
                names.append(low[: -len(role)] + office)
            if c.head > c.start and self.toks[c.head - 1].text[:1].isupper():
                names.append(f"{self._low(c.head - 1)} {office}")
            hits = [x for x in self.mentions if x[2].type == "ORG" and x[0] < self.toks[c.start].start
                    and any(n in x[2].name.lower() or n in self.text[x[0]:x[1]].lower() for n in names)]
            if hits:
                return self._canon(hits[-1])
        return None

    def _addressee(self, st: _Stmt) -> str | None:
        c = st.addressee
        if c is None:
            return None
        s, e = self.toks[c.start].start, self.toks[c.end - 1].end
        ents = self._entities_in(s, e)
        pers = [x for x in ents if x[2].type == "PER"]
        return (pers or ents)[-1][2].id if (pers or ents) else None

    def _is_participle_form(self, k: int) -> bool:
        """Whether verb token `k` is a past participle ("genannt", "vorausgesagt"): the form with
        the participle prefix, after a separable particle where the lemma has one."""
        pre = self.lex.participle_prefixes
        if not pre or self.toks[k].pos != "VERB":
            return False
        low, lem = self._low(k), self.toks[k].lemma.lower()
        if lem.startswith(pre):
            return False
        part = next((p for p in self.lex.particles if lem.startswith(p) and low.startswith(tuple(p + x for x in pre))), "")
        return low.startswith(tuple(part + x for x in pre)) and low != lem

    def _main_clause(self, a: int, e: int) -> bool:
        """Whether the tokens [a, e) before a postposed frame hold a main clause ("Die Lage sei
        ernst, sagte er"), not only an adverbial clause or a phrase with its relative clause whose
        main clause the frame is ("Wenn er verurteilt wird, droht ihm …", "Die Ärzte, die ihn
        behandelten, fanden …")."""
        lex = self.lex
        while a < e and (self._low(a) in lex.coordinators or self.toks[a].pos == "CCONJ"):
            a += 1  # "Und wenn …"
        commas = [k for k in range(a, e) if self.toks[k].text == "," and self.in_quote[k] < 0 and k not in self.mark_tok]

        def verb_after(k: int) -> bool:
            k += 1
            while k < e and self.toks[k].pos == "ADV":
                k += 1
            return k < e and self.toks[k].pos in ("VERB", "AUX")

        resumed = any(verb_after(k) for k in commas)
        if self.toks[a].pos == "SCONJ" or (self._low(a) in lex.not_message_openers and self._low(a) not in lex.definite):
            return resumed
        return resumed or self._has_verb(a, commas[0] if commas else e)

    def _reported_frame(self, st: _Stmt) -> bool:
        """Whether the frame itself is reported: its verb in the Konjunktiv I in the sentence's
        main clause ("Man gehe davon aus, dass …", "Er wisse nicht, was …"). The whole sentence is
        then what an earlier speaker said, the frame included."""
        a, b = self.sent_range[st.sent]
        c = max(st.cue)
        if any(self.toks[x].text in _CLAUSE_BREAK or x in self.mark_tok for x in range(a, c)):
            return False
        if self._tok_at(st.pieces[-1][1]) < self._message_end(a, b):
            return False  # "Sie wisse, dass …, hatte X gesagt": a frame of its own follows
        return any(self.toks[x].pos in ("VERB", "AUX") and self._is_subjunctive_form(x) for x in range(a, c + 1)) and not any(
            self._low(x) in self.lex.first_person for x in range(a, c + 1))

    def _frames_clause(self, st: _Stmt) -> bool:
        """Whether a speech verb with a bare clause after its comma really frames that clause. It
        does not when the verb closes a clause of its own that the clause after the comma
        completes: a subordinate clause with its auxiliary after the verb ("Nachdem sie den Fehler
        bemerkt hatten, …", "Schneller als vorausgesagt, …"), a participle phrase ("auch X
        genannt, …"), and not when the clause after the comma comments on the one before ("…,
        womit er die Liste anführte")."""
        if st.rule in ("indirect_complement", "indirect_clause") and st.cue and self._reported_frame(st):
            st.rule = "indirect_free_frame"
        if st.rule == "indirect_postposed" and st.pieces and st.cue:
            if self._main_clause(self._tok_at(st.pieces[-1][0]), self._tok_at(st.pieces[-1][1])):
                return True
            # "Die Zahl der Toten, die …, bezifferte die Agentur mit 13": no clause was said; a
            # verb that reports its object makes the sentence a report of its speaker, else it is
            # no statement ("Wenn X verurteilt wird, droht ihm die Todesstrafe").
            lem = self.toks[st.cue[0]].lemma.lower()
            key = self._low(st.cue[-1]) + lem if len(st.cue) > 1 else lem
            if key not in self.lex.reported_verbs:
                return False
            a0 = self._tok_at(st.pieces[-1][0])
            front = chunk_at(self.toks, a0, self._tok_at(st.pieces[-1][1]), self.mark_tok)
            if front is not None and front.start == a0 and self._can_speak(front) and (
                    st.source is None or not self._can_speak(st.source)):
                st.source = front  # "Zapatero, der …, verwies auf …": the fronted phrase is the subject
            if st.source is None or not self._can_speak(st.source):
                return False
            a, b = self.sent_range[st.sent]
            st.rule, st.statement = "reported_fronted", (self.toks[a].start, self.toks[b - 1].end)
            return True
        if st.rule != "indirect_clause" or not st.cue or not st.pieces:
            return True
        lex = self.lex
        msg = self._tok_at(st.pieces[-1][0])
        c = max(st.cue)
        if msg <= c or self.toks[msg - 1].text != ",":
            return True
        low = self._low(msg)
        end = self._tok_at(st.pieces[-1][1])
        if low in lex.sentential_relatives and (low not in lex.complementizers or (
                msg - 2 > c and not self._subjunctive(msg, end))):
            return False  # ("erklärte dem Gericht, was geschehen sei": a reported question stays)
        ca = next((x + 1 for x in range(st.cue[0] - 1, -1, -1)
                   if self.toks[x].text in _CLAUSE_BREAK or x in self.mark_tok or self.sent_of[x] != self.sent_of[c]), 0)
        if any(p.items[0] == self._low(ca) for p in lex.source_patterns):
            return True  # "Wie die Polizei mitgeteilt hat, …": the frame of the clause after it
        if self.toks[msg].pos not in ("VERB", "AUX"):
            return True  # only a clause opening with its verb can be the main clause resumed
        tail = range(c + 1, msg - 1)
        if tail and all(self.toks[x].pos == "AUX" for x in tail):
            return False
        verbs = [x for x in range(ca, msg - 1) if self.toks[x].pos in ("VERB", "AUX") and x not in st.cue]
        return bool(verbs) or not self._is_participle_form(st.cue[0])

    def _without_source(self, st: _Stmt, src: Chunk | None) -> list[tuple[int, int]]:
        """The pieces of a statement found by its source phrase, less the source's whole extent:
        an apposition after the phrase ("nach Angaben von X, Professor in Y, …") names the source,
        it is not part of what was said."""
        if src is None or not st.rule.startswith("source_"):
            return st.pieces
        lo, hi = self.toks[src.start].start, self.toks[src.end - 1].end
        out: list[tuple[int, int]] = []
        for s, e in st.pieces:
            if hi <= s or e <= lo:
                out.append((s, e))
                continue
            for a, b in ((s, lo), (hi, e)):
                k, j = self._tok_at(a), self._tok_at(b)
                while k < j and self.toks[k].text in _APPOSITION_MARKS:
                    k += 1
                while j > k and self.toks[j - 1].text in _APPOSITION_MARKS:
                    j -= 1
                if j > k and b > a:
                    out.append((self.toks[k].start, self.toks[j - 1].end))
        return out

    def _embedding(self, st: _Stmt) -> tuple[int, int] | None:
        """Token range of the phrase or clause that quoted words are part of, as the statement
        their speech verb reports ("forderte einen „offensiven Umgang“", "sagte, dass X in „seiner
        eigenen Welt“ lebe", "hatten von der Notwendigkeit eines „Volkskrieges“ gesprochen"): from
        after the frame (verb, speaker, addressee) to the clause end or the verb's particle."""
        if not st.cue or not st.pieces:
            return None
        o, c = self._tok_at(st.pieces[0][0]) - 1, self._tok_at(st.pieces[-1][1])
        a, b = self.sent_range[st.sent]
        if not (a <= o < c < b) or o not in self.mark_tok:
            return None
        if o > a and self._low(o - 1) in self.lex.governing_markers:
            return None  # "bezeichnete X als „…“": the quoted words are the name given, said as such
        roles = set(st.cue) | {x for ch in (st.source, st.addressee) if ch for x in range(ch.start, ch.end)}

        def is_break(x: int) -> bool:
            return self.toks[x].text in _CLAUSE_BREAK and self.in_quote[x] < 0 and x not in self.mark_tok

        before = [x for x in st.cue if x < o]
        after = [x for x in st.cue if x > c]
        if before:
            k = max(before) + 1
            k = max([k] + [x + 1 for x in range(k, o) if is_break(x)])
            while k < o and (k in roles or self._low(k) in self.lex.reflexives):
                k += 1
            end = min([self._clause_end_q(c + 1, b), self._message_end(k, b)] + after)
        elif after:
            end = min(after)
            if any(is_break(x) for x in range(c + 1, end)):
                return None
            ca = next((x + 1 for x in range(o - 1, a - 1, -1) if is_break(x)), a)
            heads = [x for x in range(ca, o) if x in roles or self.toks[x].pos in ("VERB", "AUX")]
            if not heads:
                return None
            k = max(heads) + 1
        else:
            return None
        # "nannte sie „fahrlässig“ und verwies auf …": a coordinated verb starts a clause of its own
        end = next((x for x in range(c + 1, end - 1) if self._low(x) in self.lex.coordinators
                    and self.toks[x + 1].pos in ("VERB", "AUX")), end)
        if any(x in self.mark_tok and not o <= x <= c for x in range(k, end)):
            return None  # other quotations in the phrase: each is its own
        return (k, end) if k <= o and end > c else None

    # -- output --------------------------------------------------------------------------

    def quotes(self, keep_speakerless: bool = False) -> list[Quote]:
        if not self.toks:
            return []
        hits = self.source_phrases()
        self.direct()
        self.anaphoric()
        self.indirect(hits)
        self.from_sources(hits)
        self.embedded()
        self.introduced()
        self.stmts = [st for st in self.stmts if self._frames_clause(st)]
        self.stmts.sort(key=lambda s: s.pieces[0][0])
        self.continued()
        self.stmts.sort(key=lambda s: s.pieces[0][0])
        out: list[Quote] = []
        out_stmts: list[_Stmt] = []
        prefix = f"{self.lang}.speech."
        group_of: dict[int, int] = {}
        for g, st in enumerate(self.stmts):
            # A run of Konjunktiv sentences continuing one another is one statement (one group);
            # a sentence of narration between them ends the passage, and the next one stands alone.
            if (st.inherited is not None and st.rule == "indirect_continued"
                    and st.inherited.rule in ("indirect_continued", "indirect_free")
                    and st.sent - st.inherited.end_sent == 1):
                g = group_of.get(id(st.inherited), g)
            group_of[id(st)] = g
            if st.inherited is not None:
                src = st.inherited
                st.source = src.source
                st.speaker = src.speaker
                st.via = st.via or src.via
            else:
                st.speaker = self._speaker(st)
                if st.speaker is None and st.source is not None and self._refers_back(st.source):
                    # "Demnach …", "…, hieß es weiter": the source named in the statements before.
                    before = [x for x in out_stmts if x.speaker is not None and st.sent - x.end_sent <= 2]
                    st.speaker = before[-1].speaker if before else None
            out_stmts.append(st)
            if st.cue and st.inherited is None:
                st.cue = self._cue_complex(st.cue)
            cue_text = " ".join(self.toks[k].text for k in sorted(st.cue)) if st.cue and st.inherited is None else None
            cue_span = None
            if st.cue and st.inherited is None:
                ks = sorted(st.cue)
                cue_span = self.doc.span(self.toks[ks[0]].start, self.toks[ks[-1]].end)
            src = self._source_extent(st.source, st.cue) if st.source else None
            if src is not None and src.end - src.start == 1 and self._low(src.start) in _EXPLETIVE:
                src = None  # "heißt es": the expletive belongs to the cue and names no source
            src_span = self.doc.span(self.toks[src.start].start, self.toks[src.end - 1].end) if src else None
            addr_span = self.doc.span(self.toks[st.addressee.start].start, self.toks[st.addressee.end - 1].end) if st.addressee else None
            if st.speaker is None and not keep_speakerless:
                continue
            # One quote per statement: the longest piece is its span; a statement its frame
            # interrupts ("„…“, sagte er, „…“") lists all its pieces.
            pieces = [(s, e) for s, e in self._without_source(st, src) if e > s]
            if not pieces:
                continue
            main = max(pieces, key=lambda x: x[1] - x[0])
            if st.rule.startswith("source_") and len(pieces) > 1:
                # "Der Abstand hätte demnach 1,7 Meilen betragen": the clause around the source phrase.
                main = (pieces[0][0], pieces[-1][1])
            for s, e in [main]:
                extra = {
                    "cue_span": cue_span.model_dump() if cue_span else None,
                    "cue_tokens": [[self.toks[k].start, self.toks[k].end] for k in sorted(st.cue)] if st.cue and st.inherited is None else [],
                    "source_span": src_span.model_dump() if src_span else None,
                    "addressee": self._addressee(st),
                    "addressee_span": addr_span.model_dump() if addr_span else None,
                    "group": g,
                }
                if len(pieces) > 1:
                    extra["pieces"] = [[a, b] for a, b in pieces]
                if st.rule == "direct_embedded" and (emb := self._embedding(st)) is not None:
                    extra["embedding_span"] = self.doc.span(self.toks[emb[0]].start, self.toks[emb[1] - 1].end).model_dump()
                if st.statement is not None:
                    extra["form"] = "reported"
                    extra["statement_span"] = self.doc.span(*st.statement).model_dump()
                elif st.rule in ("indirect_continued", "indirect_free", "indirect_free_frame"):
                    # A sentence reported as a whole, without a frame of its own ("free indirect").
                    a, b = self.sent_range[st.sent]
                    extra["form"] = "free"
                    extra["statement_span"] = self.doc.span(self.toks[a].start, self.toks[b - 1].end).model_dump()
                out.append(Quote(start=s, end=e, text=self.text[s:e], kind=st.kind, speaker=st.speaker,  # type: ignore[arg-type]
                                 cue=cue_text, via=st.via, rule=prefix + st.rule, **extra))
        return out


__all__ = ["QuoteExtractor", "make_quote_extractor"]
