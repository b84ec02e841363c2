"""Noun-phrase chunks over the analyze stage's tokens, for finding who speaks in a quote's frame.

Deliberately shallow: determiner, adjectives, a run of nouns and names, then genitive, "of"/"von"
attachments, a parenthesis and coordination. Good enough for subjects of speech verbs and for
the X of "laut X"; not a parser.
"""

from __future__ import annotations

from collections.abc import Container
import re
from dataclasses import dataclass

from lagebild import lang as langdata
from lagebild.analyze import Token


def _words(key: str) -> frozenset[str]:
    """`key` of every language's speech.yaml together: the chunker reads a phrase without knowing
    its language."""
    return frozenset(str(w).lower() for lang in langdata.languages()
                     for w in langdata.load(lang, "speech").get(key) or ())


_NOMINAL = frozenset({"NOUN", "PROPN"})
_PREMOD = frozenset({"ADJ", "NUM"})
_PRONOUNS_ANY = frozenset({"er", "sie", "es", "wir", "ich", "he", "she", "it", "we", "they", "i", "you", "man",
                           "him", "them", "us", "me"})
# Articles that open a genitive attribute after a noun ("einer", "seiner" are left out: as often datives).
_GENITIVE_DE = frozenset({"des", "der", "eines", "seines", "ihres"})
_DATIVE_TOO = _words("dative_too_determiners")
_OF = _words("attribute_prepositions")
_VON = _words("noun_attribute_prepositions")
QUOTE_MARKS = frozenset("„“”\"»«")  # double quotation marks of German and English news
_COORD = frozenset({"und", "sowie", "and"})
_POSSESSIVE_EN = frozenset({"'s", "’s", "'", "’"})
# Web sites named as sources ("laut faz.net", "according to bbc.co.uk").
_DOMAIN = re.compile(r"[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}")


@dataclass(frozen=True, slots=True)
class Chunk:
    start: int  # token index
    end: int  # token index, exclusive
    head: int  # token index of the head noun (the last noun of the first noun run)


def is_nominal(tok: Token) -> bool:
    if tok.pos in _NOMINAL:
        return True
    # Names the tagger left as X (foreign words, odd capitals) still head a phrase.
    if tok.pos == "X" and (tok.text[:1].isupper() or _DOMAIN.fullmatch(tok.text)):
        return True
    # "el-Baradei", "d'Italia", "ai-Bericht": a capital after a lowercase prefix marks a name or a
    # noun compound, whatever tag the lowercase start earned it.
    return tok.pos in ("ADV", "ADJ", "X") and any(c in "-'’" for c in tok.text) and any(
        c.isupper() for c in tok.text[1:])


def chunk_at(tokens: list[Token], j: int, limit: int, blocked: Container[int] = (), coordinate: bool = True) -> Chunk | None:
    """The noun phrase starting at token `j` and ending before `limit`, or None."""
    if j >= limit or j in blocked:
        return None
    t = tokens[j]
    if t.pos == "PRON" and t.text.lower() in _PRONOUNS_ANY:
        return Chunk(j, j + 1, j)
    k = j
    # An article the tagger took for a relative pronoun ("…, der Polizeichef") still opens a phrase.
    if t.pos == "DET" or (t.pos == "PRON" and j + 1 < limit and tokens[j + 1].pos in ("NOUN", "ADJ")):
        k += 1
        name_end = _quoted_name_end(tokens, k, limit) if k < limit else None
        if name_end is not None and t.pos == "DET":
            return Chunk(j, name_end, k + 1)  # "von der „Aktion Deutschland hilft“": the name is the head
        k = _extended_attribute(tokens, k, limit, blocked)
    while k < limit and k not in blocked and (tokens[k].pos in _PREMOD or (
            # a participle between article and noun ("the delayed process", "die staatlich
            # kontrollierten Medien")
            tokens[k].pos == "VERB" and t.pos == "DET" and k + 1 < limit and tokens[k].text[:1].islower()
            and (k == j + 1 or tokens[k - 1].pos == "ADJ") and (is_nominal(tokens[k + 1]) or tokens[k + 1].pos == "ADJ"))):
        k += 1
    if k > j and k < limit and not is_nominal(tokens[k]) and tokens[k - 1].pos == "ADJ" and tokens[k - 1].text[:1].isupper() and (
            t.pos == "DET" or (tokens[k].text.lower() in _GENITIVE_DE and tokens[k].pos == "DET")):
        # a noun made from an adjective ("Vertraute der Insassen", "die Angehörigen"); a capital
        # adjective alone may just open the sentence ("Besorgt zeigte sich …")
        return _attached(tokens, j, k, k - 1, limit, blocked, coordinate)
    head = None
    run = k
    while k < limit and k not in blocked and is_nominal(tokens[k]):
        head = k
        k += 1
        # English possessive: "the country's foreign minister" is one phrase headed by "minister".
        if k < limit and tokens[k].text in _POSSESSIVE_EN:
            k += 1
            while k < limit and tokens[k].pos in _PREMOD:
                k += 1
    if head is None:
        return None
    return _attached(tokens, j, k, head, limit, blocked, coordinate, run)


def _attached(tokens: list[Token], j: int, k: int, head: int, limit: int, blocked: Container[int],
              coordinate: bool, run: int | None = None) -> Chunk:
    """The chunk from `j` with head `head`, grown from `k` by its genitives, "of"/"von"
    attachments, a parenthesis and coordination."""
    run = head if run is None else run
    while k < limit:
        name_end = _quoted_name_end(tokens, k, limit)
        if name_end is not None and tokens[head].pos == "NOUN":
            k = name_end  # "die Zeitung „Die Welt“": a noun and the quoted name it introduces
            continue
        if k in blocked:
            break
        low = tokens[k].text.lower()
        nxt = None
        if low in _GENITIVE_DE and tokens[k].pos == "DET" and not any(tokens[x].pos == "PROPN" for x in range(run, head + 1)):
            # (a name takes no genitive article after it: in "laut Anna Berg der Sprecher …" the
            # article opens the clause's subject)
            nxt = chunk_at(tokens, k, limit, blocked, coordinate=False)
            name_end = _quoted_name_end(tokens, k + 1, limit) if nxt is None else None
            if name_end is not None:
                k = name_end  # "die Online-Ausgabe des „Spiegel“": a genitive that is a quoted name
                continue
        elif low in _OF or (low in _VON and tokens[head].pos == "NOUN"):
            nxt = chunk_at(tokens, k + 1, limit, blocked, coordinate=False)
        elif _bare_genitive(tokens, k, limit):
            nxt = chunk_at(tokens, k, limit, blocked, coordinate=False)  # "Angaben informierter Kreise"
        elif tokens[k].text == "(":
            close = next((m for m in range(k + 1, min(limit, k + 10)) if tokens[m].text == ")"), None)
            if close is not None:
                k = close + 1
                continue
        elif coordinate and low in _COORD:
            nxt = chunk_at(tokens, k + 1, limit, blocked, coordinate=False)
            if nxt is not None and not tokens[nxt.head].text[:1].isupper():
                nxt = None
        if nxt is None:
            break
        k = nxt.end
    return Chunk(j, k, head)


def _bare_genitive(tokens: list[Token], k: int, limit: int) -> bool:
    """Whether a genitive without article starts at `k` after a noun: a lowercase adjective or
    determiner in -er (none that is as often a dative) before the capitalised common noun it
    qualifies ("Berichten britischer Zeitungen", "nach Meinung vieler Experten"). Made for German;
    English "-er" words ("former", "other") rarely match, since the tagger reads a capitalised word
    after them as a name (PROPN), not a common noun."""
    t = tokens[k]
    if t.pos not in ("ADJ", "DET") or not t.text.endswith("er") or not t.text[:1].islower() or t.text in _DATIVE_TOO | _GENITIVE_DE:
        return False
    m = k + 1
    while m < limit and tokens[m].pos == "ADJ":
        m += 1
    return m < limit and tokens[m].pos == "NOUN" and tokens[m].text[:1].isupper()


def _quoted_name_end(tokens: list[Token], k: int, limit: int) -> int | None:
    """End (after the closing mark) of a short capitalised name in quotation marks at `k`."""
    if tokens[k].text not in QUOTE_MARKS or k + 1 >= limit or not tokens[k + 1].text[:1].isupper():
        return None
    for m in range(k + 2, min(limit, k + 6)):
        if tokens[m].text in QUOTE_MARKS:
            return m + 1
        if tokens[m].pos == "PUNCT":
            return None
    return None


def _extended_attribute(tokens: list[Token], k: int, limit: int, blocked: Container[int]) -> int:
    """Past a participle phrase between article and noun ("einer am Dienstag veröffentlichten
    Mitteilung"): the index of the participle when one follows within a few words, else `k`."""
    if k >= limit or tokens[k].pos != "ADP":
        return k
    for m in range(k + 1, min(limit - 1, k + 6)):
        # the preposition's own article belongs to the attribute ("der für die Region zuständige Koordinator")
        if m in blocked or tokens[m].pos in ("PUNCT", "AUX") or (tokens[m].pos == "DET" and m > k + 1):
            return k
        low = tokens[m].text
        if tokens[m].pos in ("VERB", "ADJ") and low[:1].islower() and low.endswith(("en", "em", "er", "es", "e")) \
                and is_nominal(tokens[m + 1]):
            return m + 1 if tokens[m].pos == "VERB" else m
    return k


def chunk_before(tokens: list[Token], j: int, floor: int, blocked: Container[int] = ()) -> Chunk | None:
    """The noun phrase that ends just before token `j` (for postpositions: "X zufolge"), with the
    genitive and "von" attachments that chunk_at reads into it ("Angaben des Instituts von Athen")."""
    k = j - 1
    start = None
    while k >= floor and k not in blocked and (is_nominal(tokens[k]) or tokens[k].pos in ("DET", "ADJ", "NUM") or (
            start is not None and tokens[k].text.lower() in _VON | _OF)):
        if tokens[k].pos != "ADP":
            start = k
        k -= 1
    if start is None:
        return None
    # Take the longest phrase that chunk_at reads the same way, so the head is found consistently.
    for s in range(start, j):
        c = chunk_at(tokens, s, j, blocked)
        if c is not None and c.end == j:
            return c
    return None
