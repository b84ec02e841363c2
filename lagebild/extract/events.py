"""The events stage: CAMEO and PLOVER coding of who did what to whom, when and where.

For every clause of every sentence the per-language lexicon (`event_lexicon`) proposes a trigger
(verb, light verb + noun, nominalisation); roles come from the clause: bare actors by word order
(first = source, next = target; in a passive the "von/by" agent is the source and the bare actor
the target), prepositional cues ("gegen/against" target, "mit/with" partner → symmetric,
"in/nach" host of a visit), coordinated actors ("China und Russland vereinbaren") give one
symmetric event. Relative clauses take their antecedent, clauses interrupted by an apposition or a
relative clause continue after it, and a pronoun subject the coref layer left open continues the
previous sentence's subject. Negated and hypothetical happenings are dropped, planned ones become 03x
intents, reported ones are marked. Date and place come from the time and place layers of the
clause or sentence. One event per (source, code, target, date); further mentions go to
``evidence_more``. Every event names its rule; ``doc.layers["event_trace"]`` keeps the
decisions for ``lagebild explain``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from lagebild import cameo
from lagebild import lang as langdata
from lagebild.analyze import Sentence, Token
from lagebild.doc import Document, Entity, Event, EventActor, Plover, Span
from lagebild.extract import event_statements as statements
from lagebild.extract.event_actors import Actor, ActorLayer, PlaceMention, find_actors
from lagebild.extract.event_lexicon import Entry, Lexicon, Trigger, load_lexicon
from lagebild.extract.passive import load_passive
from lagebild.extract.quote_np import QUOTE_MARKS
from lagebild.kb.index import KB

_DATE_VALUE = re.compile(r"^\d{3,4}(-[0-9WQSPFAUHX]{1,3}(-\d\d)?)?")
_MAX_EVIDENCE = 400
# Political actors (GUIDELINES: a state or its organs, an IGO, or a domestic group coded by its
# country): sectors of state organs, parties and armed groups; role nouns for organised domestic
# groups (protesters, unions) count too. Every event needs one political side; a statement needs a
# political speaker.
_POLITICAL_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "SPY", "INS", "IGO",
                                "SEP", "UAF", "RAD", "MOD", "IMG"})
_GROUP_SECTORS = frozenset({"CVL", "LAB"})
# Media and companies report or sell: an actor of these sectors alone makes no political statement.
_TRADE_SECTORS = frozenset({"MED", "BUS"})
# Roots where a state acting on itself (X→X with the bare country as target) is domestic politics.
_SELF_ROOTS = ("14", "17", "18", "19", "20")
# Coercion and violence (coercion, assault, fighting, mass violence) within one state is domestic
# politics; harm whose doer a belief names is an accusation of it.
_DOMESTIC_ROOTS = ("17", "18", "19", "20")
# Roots whose target a text often leaves unsaid (a reaction to what was just reported, a resignation):
# `_implicit_target` fills it from the context. Meetings and cooperation need a named partner; praise
# and yielding without one are domestic.
_IMPLICIT_TARGET_ROOTS = ("01", "02", "03", "05", "08", "09", "10", "11", "12", "13", "15", "16")
# Coercion that only authorities carry out (arrest, detention, charges): its agent is the state where it happens.
_STATE_COERCION_ROOTS = ("17",)
# An official inquiry set up or forces deployed without a named doer ("ein Untersuchungsausschuss wurde
# eingesetzt", "Panzer wurden in Stellung gebracht") are the state's of the story when the sentence
# names no place: in news nobody else does them.
_STORY_STATE_ROOTS = ("09", "15")
# Forces moved near a named place ("an der Grenze zu X wurden Panzer zusammengezogen") may be anyone's:
# a force posture is the story state's only when no place is named.
_POSTURE_ROOTS = ("15",)
# Assaults, fights and mass violence: without a named target, the country where they happen is hit.
_VIOLENCE_ROOTS = ("18", "19", "20")
# Material cooperation and aid: what is handed over has a recipient (`_user_of_object`).
_TRANSFER_ROOTS = ("06", "07")
# Transfers and yielding: what is handed over or yielded goes to an "an/to" recipient.
_RECIPIENT_ROOTS = _TRANSFER_ROOTS + ("08",)
# A threat speaks of the future: announcing it ("kündigte an, vor Gericht zu ziehen") is the threat.
_FUTURE_ROOTS = ("13",)
_ORG_REACTION_ROOTS = ("02", "10", "11", "12", "13")
# an intergovernmental body's investigation (a UN rapporteur's, IAEA inspectors') without a named subject
# is of the story's country; a non-governmental one's "Untersuchung" is mostly a study, no event
_IGO_REACTION_ROOTS = ("09",)
# the rejection a negated cooperative act amounts to: meeting → reject talks, diplomatic → reject,
# material cooperation → reject it, yielding → refuse to yield
_REFUSALS = {"04": "125", "05": "120", "06": "121", "08": "124"}
_VISIT = "042"
# Saying, appealing, disapproving and rejecting comment on acts: what "the move" refers back to is none of them.
_COMMENT_ROOTS = ("01", "02", "11", "12")
_DOMESTIC_ONLY_ROOTS = ("03", "05", "08")
# disapproval and rejection: their object's demonym names the target ("condemned the Russian attack")
_OBJECT_OWNER_ROOTS = ("11", "12")
# A meeting needs a named partner also when it is only planned ("will neu verhandeln" is an intent,
# 036, but not one with its own side as partner).
_PARTNER_ROOTS = ("04",)
# Refusals whose object is an infinitive: what is refused names whom it concerns (`_complement_target`).
_REFUSAL_ROOTS = ("12",)
# Acts a text often reports without their doer ("der König wurde aufgerufen", "der Minister wurde
# festgenommen"): with a political actor as patient they are one-sided events (source None), as in GDELT.
_ONE_SIDED_ROOTS = ("02", "11", "17")
# Admitting and denying answer what the context reported: their unnamed target is the domestic side
# as for any other reaction, not a statement about someone.
_REACTION_CODES = ("015", "016")
# Sanctions and reduced relations are between states: never filled in as a state acting on itself.
_FOREIGN_ROOTS = ("16",)
# Confidence: the evidence of the trigger (own lexicon entry with an object/pattern match, own entry,
# PETRARCH pattern, PETRARCH default, quote) less what is inferred about the actors. Events below
# MIN_CONFIDENCE are not emitted (every further mention of the same event adds 0.05 first).
_BASE_CONFIDENCE = {"pattern": 0.85, "own": 0.8, "petrarch": 0.7, "petrarch_default": 0.6, "quote": 0.6}
_PENALTY = {"inferred": 0.15, "coref": 0.1, "nonpolitical": 0.1}
MIN_CONFIDENCE = 0.45


@dataclass(slots=True)
class Group:
    """Coordinated actor mentions acting as one clause constituent ("China und Russland")."""

    members: list[Actor]
    first: int  # token index in the sentence
    last: int
    prep: str | None = None
    # joined by a two-part coordinator: "each" ("sowohl X als auch Y": every member acts on its own),
    # "one" ("entweder X oder Y": only one of them is meant)
    correlative: str = ""

    @property
    def keys(self) -> list[str]:
        return list(dict.fromkeys(a.key for a in self.members if a.key))


@dataclass(slots=True)
class Clause:
    start: int  # token indices in the sentence, end exclusive
    end: int


@dataclass(slots=True)
class Decision:
    """One trigger's coding, kept for `explain`."""

    sentence: int
    clause: str
    trigger: str
    rule: str
    code: str | None
    source: str | None
    target: str | None
    modality: str
    kept: bool
    why: str = ""


@dataclass
class _Found:
    source: Actor | None
    target: Actor | None
    code: str
    rule: str
    modality: str
    date: str | None
    place: str | None
    evidence: tuple[int, int]
    sym: bool
    confidence: float
    extra: list[tuple[int, int]] = field(default_factory=list)


# Which links of the coref stage's layer become actors: a pronoun or a state description whose nearest
# candidates share a country (a guess between countries would make a wrong dyad), not too far back.
_COREF_REACH = {"pronoun": 2, "state": 3}


_STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "SPY"})


def _domestic_sides(group: Group) -> tuple[Actor, Actor] | None:
    """A state and a non-state organisation of the same country coordinated as one subject ("die Regierung und
    die Rebellen unterzeichneten …"): the two sides of a domestic deal or conflict, each a party of its own."""
    members = group.members
    state = next((m for m in members if m.kind in ("country", "capital") or set(m.sectors) & _STATE_SECTORS), None)
    if state is None or not state.country:
        return None
    other = next((m for m in members if m.country == state.country and m.sectors and
                  not set(m.sectors) & _STATE_SECTORS and m.kind not in ("country", "capital", "people")), None)
    return (state, other) if other is not None else None

def _apply_coref(layer: ActorLayer, links: list[dict]) -> None:
    """Actors from ``doc.layers["coref"]``: one ``coref`` actor per pronoun or state description that
    stands for a country or organisation, and bare definite roles ("der Präsident") given the country
    and entity of the person named with that role."""
    added: list[Actor] = []
    by_span = {(a.start, a.end): n for n, a in enumerate(layer.actors)}
    for lk in links:
        kind = lk.get("kind")
        if kind in _COREF_REACH:
            if not (lk.get("country") or lk.get("org")) or not lk.get("same_key", True) or \
                    lk.get("distance", 0) > _COREF_REACH[kind]:
                continue
            sectors = tuple(lk.get("sectors") or ())
            added.append(Actor(lk["start"], lk["end"], lk.get("country"), lk.get("org"), sectors, lk.get("entity"),
                               "coref", inferred=lk.get("rule") == "state_main_country", text=lk["text"]))
        elif kind == "role" and lk.get("rule") == "role_named_with" and (lk.get("country") or lk.get("org")):
            n = by_span.get((lk["start"], lk["end"]))
            if n is None:
                continue
            a = layer.actors[n]
            if a.kind != "role" or a.country or a.org:
                continue
            layer.actors[n] = Actor(a.start, a.end, lk.get("country"), lk.get("org"),
                                    a.sectors or tuple(lk.get("sectors") or ()), lk.get("entity"), "role", None, False,
                                    a.text)
    if added:
        layer.actors.extend(added)
        layer.actors.sort(key=lambda a: (a.start, -a.end))


class EventCoder:
    """The events stage for one language (``name = "events"``)."""

    name = "events"

    def __init__(self, lang: str, kb: KB | None = None) -> None:
        self.lang = lang
        self.lex: Lexicon = load_lexicon(lang)
        self.kb = kb or KB.load()
        c = self.lex.cue
        self.neg, self.neg_not_before = c("negation"), c("negation_not_before")
        self.not_permitted = c("not_permitted")
        self.thank_verbs, self.thanked_preps, self.thanked_for = c("thank_verbs"), c("thanked_preps"), c("thanked_for")
        self.hypo, self.future_aux, self.plan = c("hypothetical"), c("future_aux"), c("plan")
        self.report = c("report")
        self.voice = load_passive(lang)
        self.agent_preps, self.target_preps = c("agent_preps"), c("target_preps")
        self.partner_preps, self.host_preps = c("partner_preps"), c("host_preps")
        self.loc_preps, self.coord = c("locative_preps"), c("coord")
        # (opening words, joining word sequences, whether only one conjunct is meant)
        self.correlatives = [(tuple(str(r["open"]).casefold().split()),
                              {tuple(str(j).casefold().split()) for j in r["join"]}, bool(r.get("alternative")))
                             for r in self.lex.cues.get("correlatives") or ()]
        self.correlative_words = frozenset(w for _, joins, _ in self.correlatives for j in joins for w in j)
        self.breaks, self.particles = c("clause_breaks"), c("particles")
        self.support = c("support_verbs")
        self.both, self.pronouns = c("both"), c("subject_pronouns")
        self.impersonal = c("impersonal_subjects")
        # nominative personal pronouns: a subject before the clause's first actor makes that actor an object
        self.first_person = c("first_person_pronouns")
        self.subject_pronouns = self.pronouns | self.first_person
        self.first_person_possessives = c("first_person_possessives")
        self.claim_verbs = c("claim_verbs")
        self.complement_verbs = c("complement_verbs")  # verbs of saying or believing with a bare object clause
        self.motion_preps = c("motion_preps")
        self.possessor_preps = c("possessor_preps")
        self.modal_idioms = c("modal_idioms")
        self.member_nouns = c("member_nouns")
        self.possessives = c("possessive_pronouns")
        self.owner_pronouns = c("owner_pronouns") | self.possessives
        self.negated_cooperation = bool(self.lex.cues.get("negated_cooperation_rejects"))
        self.belief_verbs = c("belief_verbs")  # what their object clause says is believed, not a happening
        self.paren_names = bool(self.lex.cues.get("names_in_parentheses"))
        self.gerund = str(self.lex.cues.get("gerund_suffix") or "")
        self.not_actor = c("lowercase_not_actor")  # role nouns mostly meant abstractly when lowercase
        self.tense_aux = c("tense_aux")
        self.relative, self.relative_dative = c("relative_pronouns"), c("relative_pronouns_dative")
        self.relative_nominative = c("relative_pronouns_nominative")
        self.report_relatives = [tuple(x.casefold().split()) for x in c("report_relatives")]
        self.genitive_dets = c("genitive_articles")
        # what opens a genitive attribute: an article (German) or a preposition (English "of")
        self.genitive_links = self.genitive_dets | self.possessor_preps
        self.infinitive_markers, self.infinitive_infixes = c("infinitive_markers"), c("infinitive_infixes")
        self.noun_agent_preps, self.adjunct_preps = c("noun_agent_preps"), c("adjunct_preps")
        self.possessive_links = c("possessive_links")
        self.possessive_preps = c("possessive_preps")
        self.noun_complement_preps = c("noun_complement_preps")
        self.future_aux_forms = c("future_aux_forms")
        self.intent_verbs = c("intent_verbs")
        self.attributive_suffixes = tuple(sorted(c("attributive_participle_suffixes")))
        self.recipient_preps = c("recipient_preps")
        self.cause_conj = c("cause_conjunctions")
        self.adverbial_conj = c("adverbial_conjunctions")
        self.noun_target_preps = c("noun_target_preps")
        self.occurrence_subject, self.occurrence_verbs = c("occurrence_subject"), c("occurrence_verbs")
        self.purpose = c("purpose")
        self.reported_past, self.reported_future = c("reported_subjunctive_past"), c("reported_subjunctive_future")
        self.counterfactual_words, self.counterfactual_modals = c("counterfactual_words"), c("counterfactual_modals")
        self.counterfactual_aux = c("counterfactual_aux")
        self.document_nouns = c("document_nouns")
        self.act_anaphors = c("act_anaphors")
        self.noun_possessor = bool(self.lex.cues.get("noun_before_noun_possessor"))
        # a genitive clitic before a nominal trigger marks its possessor ("Merkel's resignation")
        self.possessive_clitics = frozenset(str(x) for x in langdata.load(lang, "entities").get("possessive_clitics") or ())
        self.opening_marks, self.closing_marks = c("opening_quote_marks"), c("closing_quote_marks")
        self.future_needs_infinitive = bool(self.lex.cues.get("future_needs_infinitive"))
        self.present_endings = tuple(sorted(c("present_endings")))
        self.present_not_endings = tuple(sorted(c("present_not_endings")))
        self.past_stem_ending = self.lex.cues.get("past_stem_ending")

    # ------------------------------------------------------------------ stage

    def __call__(self, doc: Document) -> Document:
        sentences: list[Sentence] = doc.layers.get("sentences") or []
        layer = find_actors(doc, self.kb, self.lang)
        _apply_coref(layer, doc.layers.get("coref") or [])
        trace: list[Decision] = []
        found: list[_Found] = []
        self._found = found  # the events of earlier sentences, which "the move" may refer back to
        self._doc = doc
        self._person_ids = {e.id for e in doc.entities if e.type == "PER"}
        self._pol_entities = self._apposition_political(sentences, layer)
        self._domains: dict[int, str | None] = {}  # sentence → off-topic domain (computed once)
        self._roles: dict[str, Actor] = {}  # role lemma → its last actor with a country ("sudanesische Flüchtlinge")
        # the headline's domain (a crash, a sports result, a crime) holds for the whole story
        self._headline_domain = self.lex.off_topic(sentences[0].tokens) \
            if sentences and doc.title and doc.text.lstrip().startswith(doc.title.strip()[:40]) else None
        ai = 0
        for si, sent in enumerate(sentences):
            while ai < len(layer.actors) and layer.actors[ai].end <= sent.start:
                ai += 1
            actors = []
            j = ai
            while j < len(layer.actors) and layer.actors[j].start < sent.end:
                actors.append(layer.actors[j])
                j += 1
            found.extend(self._sentence(doc, si, sent, actors, layer, trace))
        found.extend(self._quotes(doc, sentences, layer, trace, found))
        doc.events = _merge(doc, found)
        doc.layers["event_trace"] = trace
        doc.layers["event_actors"] = layer
        return doc

    def _apposition_political(self, sentences: list[Sentence], layer: ActorLayer) -> frozenset[str]:
        """Entities without a political sector written with a political role or organisation just
        before one of their mentions ("Labour deputy leader Tom Watson", "Präsident X"): they are
        political actors in this article."""
        pol: set[str] = set()
        self._orgs = frozenset(e.id for e in self._doc.entities if e.type == "ORG" and e.country and not e.sectors)
        by_end = {a.end: a for a in layer.actors if _political(a) and a.kind != "coref"}
        si = 0
        for a in layer.actors:
            if not a.entity or a.entity in pol or a.kind != "entity" or _political(a):
                continue
            while si < len(sentences) and sentences[si].end <= a.start:
                si += 1
            if si >= len(sentences):
                break
            toks = sentences[si].tokens
            i = next((k for k, t in enumerate(toks) if t.start >= a.start), None)
            if i is None:
                continue
            for t in toks[max(0, i - 4):i] + self._apposition_after(toks, a):
                role = self.kb.role(self.lang, t.text) or self.kb.role(self.lang, t.lemma)
                if (role is not None and set(role.sectors) & _POLITICAL_SECTORS) or \
                        (t.end in by_end and by_end[t.end].entity != a.entity):
                    pol.add(a.entity)
                    break
        return frozenset(pol)

    @staticmethod
    def _apposition_after(toks: list[Token], a: Actor) -> list[Token]:
        """The first words of an apposition set off by a comma right after `a` ("Oskar Lafontaine,
        Fraktionschef der Linkspartei, …"): a role named there makes `a` as political as one before."""
        j = next((k for k, t in enumerate(toks) if t.start >= a.end), None)
        if j is None or toks[j].text != ",":
            return []
        out: list[Token] = []
        for t in toks[j + 1:j + 5]:
            if t.text in (",", ";", ":") or t.pos == "VERB":
                break
            out.append(t)
        return out

    # ----------------------------------------------------------------- quotes

    def _quotes(self, doc: Document, sentences: list[Sentence], layer: ActorLayer, trace: list[Decision],
                coded_before: list[_Found]) -> list[_Found]:
        """Statements from the quotes layer (when a quotes stage ran): a political speaker's quote
        about another actor, coded by `event_statements` (the cue verb's speech act, else the tone,
        else the plain statement 010 about the quote's subject) from the speaker to that actor, as a
        reported event dated by the attributing sentence. `coded_before`: the events of the sentence
        pass, which a plain statement of the same dyad would only repeat less specifically."""
        out: list[_Found] = []
        if not doc.quotes:
            return out
        speakers = {e.id: e for e in doc.entities}
        political = functools.partial(_political, entities=self._pol_entities)
        # bare role nouns ("Terroristen", "the officials") get a country from earlier mentions: in what
        # someone says they are too vague to be whom it is about
        unnamed = {(a.start, a.end) for a in layer.actors if a.kind == "role" and not a.key}
        for q in doc.quotes:
            ent = speakers.get(q.speaker or "")
            if ent is None or ent.type not in ("PER", "ORG", "GPE") or not q.cue:
                continue  # a quote without a cue has a speaker guessed from the context
            fr = statements.frame(sentences, q)
            if fr is None:
                continue
            fsent = sentences[fr.sentence]
            qsents = [s for s in sentences if s.start < q.end and q.start < s.end]
            parts = [[t for t in s.tokens if q.start <= t.start < q.end] for s in qsents]
            qtoks = [t for p in parts for t in p]
            words = [{t.lemma for t in p} | {t.text for t in p} for p in parts]
            if self.lex.casefold:
                words = [{w.casefold() for w in ws} for ws in words]
            negated = [any(t.text.casefold() in self.neg for t in p) for p in parts]
            cues = statements.cue_names(q, fr, sentences)
            words[0] |= cues  # "kritisierte, dass …": the cue says as much as the quote
            coded = statements.classify(self.lex, cues, words, negated)
            clause_text = q.text[:120]
            if coded is None:
                trace.append(Decision(fr.sentence, clause_text, q.cue, f"{self.lang}.quote.{q.kind}", None,
                                      None, None, "reported", False, "cue is no saying verb and the quote has no tone"))
                continue
            code, name, addressee = coded
            # named by the speech act of the cue ("de.quote.deny"); a quote coded by its tone keeps the
            # name of its kind ("en.quote.mixed")
            rule = f"{self.lang}.quote.{q.kind if name == 'tone' else name}"

            def note(kept: bool, why: str, src: str | None = None, tgt: str | None = None) -> None:
                trace.append(Decision(fr.sentence, clause_text, q.cue, rule, code, src, tgt, "reported", kept, why))

            fgroups = self._groups(fsent.tokens, self._actors_in(layer, fsent), layer)
            src = self._speaker_actor(ent, fsent, fgroups, layer)
            if src is None:
                note(False, "speaker has no country or organisation")
                continue
            if not political(src) or _media_or_business(src):
                # a medium or company ("laut BBC") reports or sells; it makes no political statement
                note(False, "speaker is not a political actor", src.code)
                continue
            groups = [g for s in qsents for g in self._groups(s.tokens, self._actors_in(layer, s), layer)
                      if all(q.start <= m.start and m.end <= q.end and (m.start, m.end) not in unnamed
                             for m in g.members)]
            addressed = statements.addressees(fgroups, fsent.tokens, q, src, fr.cue, self.target_preps,
                                              self.breaks, self.genitive_dets) if addressee else []
            subj = statements.subject(groups, qtoks, self.breaks, self.possessive_preps, self.genitive_dets)
            tgt, why = statements.target(addressed + ([subj] if subj else []), src, ent.id, political)
            if tgt is None:
                note(False, why, src.code)
                continue
            because = ""  # what makes a statement an accusation
            qs = next((s for s in qsents if s.start <= tgt.start < s.end), None)
            if code in statements.allegations(self.lang).statements and subj is not None and tgt in subj.members \
                    and qs is not None:
                sgroups = self._groups(qs.tokens, self._actors_in(layer, qs), layer)
                fclause = next((c for c in self._clauses(fsent.tokens, fgroups) if fr.cue is not None and
                                fsent.tokens[c.start].start <= fr.cue.start <= fsent.tokens[c.end - 1].start), None)
                alleged = self._alleged(qs, self._clauses(qs.tokens, sgroups), sgroups, tgt, [src],
                                        lambda o: q.start <= o < q.end,
                                        fsent.tokens[fclause.start:fclause.end] if fclause else [])
                if alleged is not None:
                    code, because, _ = alleged
                    rule = f"{self.lang}.{statements.ALLEGATION}"
            if code == statements.PLAIN and any(
                    f.source is not None and f.target is not None and f.source.key == src.key and
                    f.target.key == tgt.key and fsent.start <= f.evidence[0] < fsent.end for f in coded_before):
                note(False, "the attributing clause already codes this dyad more specifically", src.code, tgt.code)
                continue
            date = self._date(doc, fsent, self._clauses(fsent.tokens, fgroups), fsent.tokens,
                              fr.cue or (qtoks or fsent.tokens)[0])
            ev = (min(q.start, fsent.start), max(q.end, fsent.end))
            out.append(_Found(src, tgt, code, rule, "reported", date, None, ev, False, _confidence("quote", src, tgt)))
            note(True, because, src.code, tgt.code)
        return out

    @staticmethod
    def _speaker_actor(ent: Entity, fsent: Sentence, fgroups: list[Group], layer: ActorLayer) -> Actor | None:
        """The speaker as an actor: in the attributing sentence (its `fgroups`) with its role merged
        ("NATO-Generalsekretär X" speaks for NATO), else any mention of the entity."""
        spans = [(m.start, m.end) for m in ent.mentions if fsent.start <= m.start < fsent.end]
        for g in fgroups:
            for a in g.members:
                if a.key and (a.entity == ent.id or any(a.start <= s and e <= a.end for s, e in spans)):
                    return a
        return next((a for a in layer.actors if a.entity == ent.id and a.key), None)

    @staticmethod
    def _actors_in(layer: ActorLayer, sent: Sentence) -> list[Actor]:
        return [a for a in layer.actors if sent.start <= a.start and a.end <= sent.end]

    def _alleged(self, sent: Sentence, clauses: list[Clause], groups: list[Group], doer: Actor,
                 speaker: list[Actor], said: Callable[[int], bool],
                 frame: list[Token]) -> tuple[str, str, tuple[int, int]] | None:
        """A statement about `doer` that reports it doing something blameworthy is an accusation
        (`event_statements.allegation`): (code, why, span of the act) when the political `doer` is the
        subject of a clause of what was said (`said`: whether a character offset is part of it), named with
        its country (not guessed from the article: "unsere Truppen", "the police"), whose act
        the verb lexicon codes, done by it (active, not received), neither negated, hypothetical, planned
        nor a condition, and neither the attributing clause (`frame`, its tokens) nor what was said before
        the act's clause is negated ("did not say that …", "said it was not true that …")."""
        toks = sent.tokens
        g = next((g for g in groups if any(m.start == doer.start for m in g.members)), None)
        ci = next((k for k, c in enumerate(clauses) if g is not None and c.start <= g.first < c.end), None)
        if g is None or ci is None or g.prep is not None or not said(toks[g.first].start) or doer.inferred or \
                not (_political(doer, self._pol_entities) or doer.kind == "coref") or \
                _media_or_business(doer):
            return None
        cl = clauses[ci]
        # (the clause may hold the attribution too: "X said Y shipped …")
        start = next(k for k in range(cl.start, cl.end) if said(toks[k].start))
        if next((h for h in groups if start <= h.first < cl.end and h.prep is None), None) is not g or \
                any(t.pos == "PRON" for t in toks[start:g.first]):
            return None  # an object of the clause ("es handle sich um entführte X"), not its subject
        lead = next((t for t in toks[cl.start:cl.end] if t.pos != "PUNCT"), None)
        if lead is not None and lead.pos in ("VERB", "AUX"):
            return None  # a clause led by its verb is a condition or a question ("Sollten X … erobern")
        if self._negated([t for t in frame if not said(t.start)] + [t for t in toks[:cl.start] if said(t.start)]):
            return None
        ctoks = toks[cl.start:cl.end]
        words = {t.lemma for t in ctoks} | {t.text for t in ctoks}
        if self.lex.casefold:
            words = {w.casefold() for w in words}
        trig = next((tr for tr in self.lex.triggers(ctoks, words, self._particle(ctoks))
                     if tr.entry.pos != "noun" and not tr.entry.speech and not tr.entry.converse
                     and cl.start + tr.index >= start), None)
        if trig is None:
            return None
        ti = cl.start + trig.index
        if (ti < g.first and not all(t.pos in ("DET", "ADJ", "NUM") for t in toks[ti + 1:g.first])) or \
                self._attributive(toks, ti) or self._passive(ctoks, trig.index, trig.participle) or \
                self._modality(sent, clauses, ci, trig.index, trig.participle) in ("negated", "hypothetical", "future"):
            return None  # (a warning of a planned attack accuses no one of a done one)
        content = [t for t in toks if said(t.start)]
        others = [m for h in groups if h is not g and said(toks[h.first].start) for m in h.members if m.key]
        got = statements.allegation(statements.allegations(self.lang), trig.code, trig.entry.lemma,
                                    {t.lemma for t in content} | {t.text for t in content}, speaker, doer, others,
                                    functools.partial(statements.one_side, kb=self.kb))
        if got is None:
            return None
        return got[0], f"{got[1]} ({toks[ti].text!r})", (ctoks[0].start, ctoks[-1].end)

    # --------------------------------------------------------------- sentence

    def _sentence(self, doc: Document, si: int, sent: Sentence, actors: list[Actor], layer: ActorLayer,
                  trace: list[Decision]) -> list[_Found]:
        toks = sent.tokens
        groups = self._groups(toks, actors, layer)
        clauses = self._clauses(toks, groups)
        self._cont = self._continuations(toks, clauses)
        self._head = self._heads(toks, clauses)
        out: list[_Found] = []
        claimed = False  # after a claim verb, later clauses are what is claimed, not happenings
        believer: Actor | None = None
        for ci, cl in enumerate(clauses):
            ctoks = toks[cl.start:cl.end]
            if claimed and self._coord_verb(toks, cl.start) and not any(
                    t.text.casefold() in self.infinitive_markers for t in ctoks):
                claimed = False  # "bestreitet, … zu haben, und wirft X vor": a new predicate, no claim
            if claimed:
                if believer is not None:
                    out.extend(self._believed(doc, si, sent, clauses, ci, groups, layer, believer))
                    believer = None
                continue
            believes = self._complement(toks, cl.end) and toks[cl.end - 1].lemma.casefold() in self.belief_verbs
            claimed = any(self._verb_lemma(t, ctoks) in self.claim_verbs for t in ctoks) or believes
            believer = self._believer(cl, groups) if believes else None
            rest = toks[self._cont[ci].start:self._cont[ci].end] if ci in self._cont else []
            if ci in self._head:
                rest = toks[self._head[ci].start:self._head[ci].end] + rest
            words = {t.lemma for t in ctoks + rest} | {t.text for t in ctoks + rest}
            if self.lex.casefold:
                words = {w.casefold() for w in words}
            particle = self._particle(ctoks) or (self._particle(rest) if rest else None)
            trigs = self.lex.triggers(ctoks, words, particle)
            if not trigs:
                continue
            trigs = self._mass_violence(trigs)
            own_only = False  # after a coded trigger: only a nominal one with its own source and target
            for trig in trigs[:2]:
                if own_only and (trig.entry.pos != "noun" or claimed):
                    break
                res = self._code(doc, si, sent, clauses, ci, trig, groups, layer, trace, own_only)
                if res:
                    out.extend(res)
                    if own_only:
                        break
                    # "trotz des verhängten Ausnahmezustandes", "den Angriff Russlands auf die Ukraine
                    # verurteilt": the clause also reports the happening named in passing
                    own_only = not self._attributive_participle(ctoks, trig.index)
        return out

    @staticmethod
    def _mass_violence(trigs: list[Trigger]) -> list[Trigger]:
        """Killings in a clause that names a massacre ("the massacres saw thousands killed") are that
        mass violence (CAMEO 20): the verb keeps its roles, the noun gives the code."""
        mass = next((t for t in trigs if t.entry.pos == "noun" and t.code[:2] == "20"), None)
        if mass is None:
            return trigs
        return [dataclasses.replace(t, code=mass.code) if t.entry.pos != "noun" and t.code[:2] in _VIOLENCE_ROOTS
                else t for t in trigs]

    @staticmethod
    def _believer(cl: Clause, groups: list[Group]) -> Actor | None:
        """The one actor holding a belief: the bare subject of the clause that ends in the belief verb."""
        bare = [g for g in groups if cl.start <= g.first and g.last < cl.end and g.prep is None]
        return bare[0].members[0] if len(bare) == 1 and len(bare[0].members) == 1 else None

    def _believed(self, doc: Document, si: int, sent: Sentence, clauses: list[Clause], ci: int,
                  groups: list[Group], layer: ActorLayer, believer: Actor) -> list[_Found]:
        """An actor's belief that another did harm ("intelligence agencies believe X ordered the
        killing") accuses the doer (CAMEO 112); the believed act itself is no happening."""
        toks = sent.tokens
        ctoks = toks[clauses[ci].start:clauses[ci].end]
        words = {t.lemma for t in ctoks} | {t.text for t in ctoks}
        if self.lex.casefold:
            words = {w.casefold() for w in words}
        out: list[_Found] = []
        for trig in self.lex.triggers(ctoks, words, self._particle(ctoks))[:2]:
            for f in self._code(doc, si, sent, clauses, ci, trig, groups, layer, [], False):
                doer = f.source
                if f.code[:2] not in _DOMESTIC_ROOTS or f.modality not in ("asserted", "reported") or \
                        doer is None or not doer.key or doer.key == believer.key or \
                        self._inadmissible(believer, doer, "112", False, None):
                    continue
                ev = (min(believer.start, f.evidence[0]), f.evidence[1])
                out.append(_Found(believer, doer, "112", f"{self.lang}.belief.accuse", "asserted", f.date, None,
                                  ev, False, f.confidence))
        return out

    def _continuations(self, toks: list[Token], clauses: list[Clause]) -> dict[int, Clause]:
        """Clauses interrupted by an apposition or a relative clause and continued after it ("übergab
        X, damals Ministerin, die Liste an Y", "wirft X, der … war, Vertuschung vor"): clause index →
        the verbless rest that belongs to it (its objects, its separated particle)."""
        out: dict[int, Clause] = {}
        verbal = [any(t.pos in ("VERB", "AUX") for t in toks[c.start:c.end]) for c in clauses]
        for ci in range(len(clauses) - 2):
            b, c = clauses[ci + 1], clauses[ci + 2]
            if not verbal[ci] or verbal[ci + 2] or toks[b.start - 1].text != "," or toks[c.start - 1].text != ",":
                continue
            first = toks[b.start]
            embedded = (first.pos == "PRON" and first.text.casefold() in self.relative) or not verbal[ci + 1]
            if embedded and toks[c.start].pos not in ("SCONJ", "CCONJ", "PUNCT"):
                out[ci] = c
        return out

    def _heads(self, toks: list[Token], clauses: list[Clause]) -> dict[int, Clause]:
        """Predicates whose subject stands before a relative clause ("Die Demonstranten, die …
        protestiert hatten, wurden von der Polizei vertrieben"): clause index of the predicate → the
        verbless clause with its subject."""
        out: dict[int, Clause] = {}
        for ci in range(2, len(clauses)):
            a, b, c = clauses[ci - 2], clauses[ci - 1], clauses[ci]
            first = toks[b.start]
            if first.pos == "PRON" and first.text.casefold() in self.relative and toks[c.start].pos in ("VERB", "AUX") \
                    and not any(t.pos in ("VERB", "AUX") for t in toks[a.start:a.end]):
                out[ci] = a
        return out

    def _attributive_participle(self, ctoks: list[Token], i: int) -> bool:
        # a participle before its noun ("trotz des verhängten Ausnahmezustandes") names a happening in
        # passing: the clause may still report another one
        t = ctoks[i]
        return t.pos in ("VERB", "ADJ") and t.text.casefold() != t.lemma.casefold() and 0 < i < len(ctoks) - 1 and \
            ctoks[i + 1].pos == "NOUN" and ctoks[i - 1].pos in ("DET", "ADP", "ADJ")

    def _verb_lemma(self, t: Token, ctoks: list[Token]) -> str:
        if t.pos not in ("VERB", "AUX"):
            return ""
        lemma = t.lemma.casefold() if self.lex.casefold else t.lemma
        particle = self._particle(ctoks)
        return particle + lemma if particle and not lemma.startswith(particle) else lemma

    def _particle(self, ctoks: list[Token]) -> str | None:
        if not self.particles:
            return None
        last = next((t for t in reversed(ctoks) if t.pos != "PUNCT"), None)
        if last is None or last.text not in self.particles or last.pos not in ("ADP", "ADV", "DET", "PART", "ADJ"):
            return None
        return last.text

    def _clauses(self, toks: list[Token], groups: list[Group] | None = None) -> list[Clause]:
        out: list[Clause] = []
        start = 0
        inner = self._abbreviations(toks) if self.paren_names else set()
        for i, t in enumerate(toks):
            if i in inner:
                continue
            if (t.text in self.breaks and not self._list_comma(toks, i, groups or [])) or \
                    (t.pos == "SCONJ" and t.text.casefold() in self.breaks) or self._coord_verb(toks, i) or \
                    self._complement(toks, i):
                if i > start:
                    out.append(Clause(start, i))
                start = i + 1 if t.pos == "PUNCT" else i
        if start < len(toks):
            out.append(Clause(start, len(toks)))
        return out

    def _list_comma(self, toks: list[Token], i: int, groups: list[Group]) -> bool:
        """A comma inside an enumeration is no clause break: between attributes ("diplomatischen,
        militärischen und wirtschaftlichen Beziehungen") or inside coordinated actors ("China,
        Russland und Indien")."""
        if (toks[i].text != "," and toks[i].text.casefold() not in self.correlative_words) or i == 0 or \
                i + 1 >= len(toks):
            return False
        if toks[i - 1].pos == "ADJ" and toks[i + 1].pos == "ADJ" and toks[i - 1].text[:1].islower():
            return True
        return any(g.first < i < g.last for g in groups)

    @staticmethod
    def _abbreviations(toks: list[Token]) -> set[int]:
        """Token indices of short parenthesised names ("the African Union (AU) summit"): an
        abbreviation or gloss is part of its noun phrase, not a clause of its own."""
        out: set[int] = set()
        for i, t in enumerate(toks):
            if t.text != "(" or i == 0 or toks[i - 1].pos not in ("PROPN", "NOUN"):
                continue
            j = next((k for k in range(i + 1, min(i + 5, len(toks))) if toks[k].text == ")"), None)
            if j is not None and j > i + 1 and all(x.pos in ("PROPN", "NOUN") for x in toks[i + 1:j]):
                out.update(range(i, j + 1))
        return out

    def _complement(self, toks: list[Token], i: int) -> bool:
        # an object clause without a conjunction ("X announced Benin was to join", "X believes the
        # prince ordered it"): a noun phrase after a verb of saying or believing followed by a finite
        # verb opens a clause of its own, whose subject is that noun phrase
        if i >= len(toks):  # the sentence ends with the verb: no clause follows it
            return False
        v = toks[i - 1] if i > 0 else None
        # (the rule tagger takes a plural subject's "believe" for a noun)
        if v is None or not ((v.pos == "VERB" and self._verb_lemma(v, toks) in self.complement_verbs)
                             or v.lemma.casefold() in self.belief_verbs):
            return False
        if toks[i].pos not in ("DET", "PROPN", "NOUN", "PRON", "NUM", "ADJ"):
            return False
        for k in range(i + 1, min(i + 9, len(toks))):
            t = toks[k]
            if t.pos in ("VERB", "AUX"):
                return True
            if t.pos not in ("DET", "PROPN", "NOUN", "NUM", "ADJ", "PART") and \
                    t.text.casefold() not in self.genitive_links:
                return False
        return False

    def _coord_verb(self, toks: list[Token], i: int) -> bool:
        # coordinated predicates sharing a subject ("X traf Y und unterzeichnete …", "X met Y and
        # signed …"): the second one is a clause of its own
        t = toks[i]
        # (an infinitive before "und" ends its own construction: "bestreitet, … zu haben, und wirft …")
        if not (t.pos == "CCONJ" and t.text.casefold() in self.coord and i + 1 < len(toks) and i > 0 and
                toks[i + 1].pos in ("VERB", "AUX")):
            return False
        p = i - 1
        if toks[p].text == "," and p > 1 and toks[p - 2].text.casefold() in self.infinitive_markers:
            p -= 1
        return toks[p].pos not in ("VERB", "AUX", "PUNCT") or \
            (p > 0 and toks[p - 1].text.casefold() in self.infinitive_markers)

    def _groups(self, toks: list[Token], actors: list[Actor], layer: ActorLayer) -> list[Group]:
        """Actor mentions of a sentence as constituents: demonym + role and role + genitive merged,
        coordinated ones joined, each with its governing preposition."""
        starts = {t.start: i for i, t in enumerate(toks)}
        ends = {t.end: i for i, t in enumerate(toks)}

        def tok_index(a: Actor) -> tuple[int, int]:
            i = starts.get(a.start)
            j = ends.get(a.end)
            if i is None:
                i = next((k for k, t in enumerate(toks) if t.start <= a.start < t.end), 0)
            if j is None:
                j = next((k for k, t in enumerate(toks) if t.start < a.end <= t.end), i)
            return i, j

        spans = [(a, *tok_index(a)) for a in actors]
        merged: list[tuple[Actor, int, int]] = []
        k = 0
        while k < len(spans):
            a, i, j = spans[k]
            nxt = spans[k + 1] if k + 1 < len(spans) else None
            if nxt is not None and nxt[1] - j <= 3 and all(
                    t.pos in ("ADJ", "DET", "NOUN", "PROPN", "NUM") or t.text in self.possessive_links
                    for t in toks[j + 1:nxt[1]]):
                b = nxt[0]
                # adjective/country + role ("sudanesische Regierung", "Chinas Verteidigungsminister"),
                # role + genitive/name ("Verteidigungsminister Chinas", "Präsident Xi")
                if a.kind in ("demonym", "country", "capital", "prefix") and b.kind == "role" and not b.country:
                    m = _with_country(b, a)
                    merged.append((m, i, nxt[2]))
                    self._remember(b, m)
                    k += 2
                    continue
                if a.kind == "role" and not a.country and b.kind in ("country", "person", "entity", "capital"):
                    merged.append((_with_country(a, b, keep_entity=True), i, nxt[2]))
                    k += 2
                    continue
                if a.kind in ("demonym", "country") and b.kind in ("person", "entity", "org") and b.key == a.key:
                    merged.append((b, i, nxt[2]))
                    k += 2
                    continue
            merged.append((a, i, j))
            k += 1
        # a role phrase directly followed by its holder's name is one actor ("der russische
        # Verteidigungsminister Andrei Beloussow"), not a subject and an object
        glued: list[tuple[Actor, int, int]] = []
        for a, i, j in merged:
            if glued:
                pa, pi, pj = glued[-1]
                if i == pj + 1 and a.kind in ("person", "entity") and pa.text and \
                        any(self.kb.role(self.lang, w) is not None for w in pa.text.split()) and \
                        (not a.key or not pa.key or a.key == pa.key):
                    glued[-1] = (_with_country(pa, a if a.key else pa, keep_entity=True)
                                 if a.key else pa, pi, j)
                    continue
            glued.append((a, i, j))
        merged = self._person_of_country(toks, glued)
        cands: list[tuple[Actor, int, int]] = []
        starts_at = {i for _, i, _ in merged}
        for a, i, j in merged:
            if self._noun_modifier(toks, a, j, starts_at):
                continue
            if a.kind == "demonym" or (a.kind != "coref" and all(
                    t.pos == "ADJ" or (t.text[:1].islower() and not (a.kind == "role" and t.pos == "NOUN"
                                                                     and t.text.casefold() not in self.not_actor))
                    for t in toks[i:j + 1])):
                # an adjective alone ("nach russischen Angaben", "British officials") is no actor; an
                # English role noun is ("the government", "police")
                continue
            if a.kind == "role" and (a.country or a.org):
                self._remember(a, a)
            elif a.kind == "role" and self._first_person_owned(toks, i):
                # "unsere Truppen", "our government" name the side of whoever says it: the speaker of the
                # quote it stands in, else no one we know
                side = self._speaker_side(a.start)
                if side is None:
                    continue
                a = Actor(a.start, a.end, side.country, side.org, a.sectors or side.sectors, None, "role",
                          inferred=True, text=a.text)
            elif a.kind == "role":
                # a bare role noun: the country it had when last named with one ("die Flüchtlinge"
                # after "sudanesische Flüchtlinge"), else the article's main country
                prior = self._roles.get(self._role_key(a))
                country = prior.country if prior else layer.default_country
                org = prior.org if prior else None
                if not country and not org:
                    continue
                a = Actor(a.start, a.end, country, org, a.sectors, a.entity, "role", inferred=prior is None,
                          text=a.text)
            cands.append((a, i, j))
        groups: list[Group] = []
        for a, i, j in cands:
            if groups:
                g = groups[-1]
                between = toks[g.last + 1:i]
                # (first: the join word of a two-part coordinator may be a plain one, "both X and Y")
                if (correlative := self._correlative(toks, g, i)):
                    g.members.append(a)
                    g.last = j
                    g.correlative = correlative
                    continue
                # "China und Russland", "die EU und die Vereinigten Staaten": coordinators, at most one
                # determiner after them
                if between and len(between) <= 2 and (between[0].text in self.coord or between[0].lemma in self.coord) \
                        and all(t.text in self.coord or t.lemma in self.coord or (t.pos == "DET" and k > 0)
                                for k, t in enumerate(between)) and between[-1].text != ",":
                    g.members.append(a)
                    g.last = j
                    continue
                if i <= g.last:
                    continue  # the same tokens found twice (entity layer and knowledge base)
                if self.paren_names and i == g.last + 2 and toks[i - 1].text == "(" and j + 1 < len(toks) and toks[j + 1].text == ")":
                    # "the African Union (AU)", "Frank-Walter Steinmeier (SPD)": the abbreviation or the party
                    # of the name before is part of that constituent; an abbreviation names an organisation
                    # better than a long name the entity layer may have cut
                    g.last = j + 1
                    if a.org and not self._is_person(g.members[-1]):
                        g.members[-1] = a
                    continue
            prep = self._prep(toks, i)
            if prep is not None and self._after_report_relative(toks, i):
                prep = None  # "ein Bericht, laut dem Russland …": the actor is the clause's subject
            lead = i - 2 if i >= 2 and toks[i - 1].pos != "DET" else i - 3
            if prep in self.possessor_preps and lead >= 0 and toks[lead].lemma.casefold() in self.member_nouns:
                prep = None  # "Members of the House of Commons protested": the body its members act for
            groups.append(Group([a], i, j, prep))
        return groups

    def _correlative(self, toks: list[Token], g: Group, i: int) -> str:
        """Whether the actor at `i` is a later conjunct of `g` joined by a two-part coordinator
        ("sowohl X als auch Y", "nicht nur X, sondern auch Y", "either X or Y"): "" if not, else "one"
        if only one of the conjuncts is meant, "each" if all are. The opening word must stand before the
        first conjunct, so that a plain "but" or "oder" between two actors still separates them."""
        between = toks[g.last + 1:i]
        if between and between[0].text == ",":
            between = between[1:]
        if between and between[-1].pos == "DET":
            between = between[:-1]
        words = tuple(t.text.casefold() for t in between)
        # (an article may stand between the opening word and the conjunct: "sowohl die EU als auch …")
        ks = (g.first, g.first - 1) if g.first > 0 and toks[g.first - 1].pos == "DET" else (g.first,)
        for opener, joins, alternative in self.correlatives:
            if words in joins and any(k >= len(opener) and tuple(t.text.casefold() for t in
                                                                toks[k - len(opener):k]) == opener for k in ks):
                return "one" if alternative else "each"
        return ""

    def _first_person_owned(self, toks: list[Token], i: int) -> bool:
        # a first-person possessive before the role noun, across its adjectives ("unsere tapferen Soldaten")
        k = i
        while k > 0 and i - k < 3 and toks[k].text.casefold() not in self.first_person_possessives and \
                (k == i or toks[k].pos == "ADJ"):
            k -= 1
        return toks[k].text.casefold() in self.first_person_possessives

    def _speaker_side(self, pos: int, indirect: bool = False) -> Actor | None:
        """Whom a first-person word at character `pos` stands for: the speaker of the quote it stands in
        (`indirect`: only an indirect one), as their country or organisation with their sectors; None
        outside a quote or for a speaker without either."""
        q = next((q for q in self._doc.quotes or () if q.start <= pos < q.end and q.speaker and
                  not (indirect and q.kind == "direct")), None)
        ent = next((e for e in self._doc.entities if q is not None and e.id == q.speaker), None)
        if ent is None or not (ent.country or ent.org):
            return None
        return Actor(pos, pos, ent.country, ent.org, tuple(ent.sectors or ()), ent.id, "coref", inferred=True,
                     text=ent.name)

    def _person_of_country(self, toks: list[Token],
                           spans: list[tuple[Actor, int, int]]) -> list[tuple[Actor, int, int]]:
        """"Presidents Muhammadu Buhari of Nigeria and Patrice Talon of Benin": a named person followed
        by "of" (a possessor preposition) and a country is that country's person, one constituent."""
        out: list[tuple[Actor, int, int]] = []
        for a, i, j in spans:
            if out:
                pa, pi, pj = out[-1]
                if a.kind == "country" and i == pj + 2 and toks[pj + 1].text in self.possessor_preps and \
                        pa.kind in ("person", "entity") and pa.entity and not pa.org:
                    out[-1] = (Actor(pa.start, a.end, a.country, None, pa.sectors, pa.entity, pa.kind,
                                     text=f"{pa.text} {toks[pj + 1].text} {a.text}"), pi, j)
                    continue
            out.append((a, i, j))
        return out

    @staticmethod
    def _name_then_verb(toks: list[Token], i: int) -> bool:
        # a name followed by a verb is a subject, not the apposition of a noun ("her husband Siarhei, …")
        k = i
        while k < len(toks) and toks[k].pos == "PROPN":
            k += 1
        return k < len(toks) and toks[k].pos in ("VERB", "AUX", "ADV")

    def _noun_modifier(self, toks: list[Token], a: Actor, j: int, starts_at: set[int]) -> bool:
        """An actor name used as a modifier of a lowercase common noun ("European Union flags", "court
        cases", "US dollars") names no actor; one before another actor ("Hong Kong police") or before an
        event noun ("US sanctions", "EU treaty") does."""
        if a.kind in ("coref", "demonym") or j + 1 >= len(toks) or j + 1 in starts_at or self._is_person(a):
            return False  # (a person is rarely a modifier: "Queen Elizabeth agrees", tagged as a noun)
        t = toks[j + 1]
        if t.pos != "NOUN" or not t.text[:1].islower() or self.lex.is_event_noun(t):
            return False
        if self.kb.role(self.lang, t.text) or self.kb.role(self.lang, t.lemma):
            # "a Hamas commander" is Hamas's; in "AU chairperson President X of Egypt" the title belongs
            # to the person named after it, who is the actor
            return j + 2 in starts_at or (j + 3 in starts_at and toks[j + 2].pos in ("PROPN", "NOUN"))
        # (the rule tagger calls many words nouns: only a last noun of its phrase outside a time
        # expression, "visit China next week", counts)
        # (nor a verb the tagger took for a noun: "Orban won the vote")
        after = toks[j + 2] if j + 2 < len(toks) else None
        return (after is None or after.pos in ("PUNCT", "CCONJ", "VERB") or
                (after.pos == "ADP" and after.text.casefold() not in self.noun_complement_preps)) and \
            not any(x.start <= t.start < x.end for x in self._doc.times)

    def _is_person(self, a: Actor) -> bool:
        return a.kind == "person" or a.entity in self._person_ids

    def _role_key(self, a: Actor) -> str:
        last = a.text.split()[-1] if a.text else ""
        role = self.kb.role(self.lang, last) if last else None
        return role.lemma if role is not None else last.casefold()

    def _remember(self, role: Actor, coded: Actor) -> None:
        if role.kind == "role" and (coded.country or coded.org):
            self._roles[self._role_key(role)] = coded

    def _prep(self, toks: list[Token], i: int) -> str | None:
        k = i - 1
        hops = 0
        genitive = False  # just passed a genitive article: the noun before it heads the phrase
        while k >= 0 and hops < 4:
            t = toks[k]
            if t.pos == "ADP" and k > 0 and toks[k - 1].pos == "ADP" and k + 1 < i and toks[k + 1].pos == "NUM":
                # "von über tausend Polizisten", "by over 1,000 police": a preposition before a number
                # only bounds the quantity; the one before it governs the phrase
                k -= 1
                continue
            if t.pos == "ADP":
                return t.lemma.casefold()
            if t.pos in ("DET", "ADJ", "NUM", "PRON") or (t.pos == "NOUN" and t.text[:1].islower()):
                if k == i - 1 and t.pos == "NOUN" and toks[i].text[:1].isupper() and \
                        self.kb.role(self.lang, t.text) is None and self.kb.role(self.lang, t.lemma) is None and \
                        self._name_then_verb(toks, i):
                    return None  # "On live television Erdogan attacked": a name after a common noun starts anew
                genitive = t.pos == "DET" and t.text.casefold() in self.genitive_dets
                k -= 1
                hops += 1
                continue
            if genitive and t.pos == "NOUN":
                # "über die Zahl der Flüchtlinge", "zur Untersuchung des Absturzes des Präsidenten": a
                # genitive attribute shares the function of the noun it belongs to
                return self._prep(toks, k)
            break
        return None

    # ------------------------------------------------------------------ roles

    def _code(self, doc: Document, si: int, sent: Sentence, clauses: list[Clause], ci: int, trig: Trigger,
              groups: list[Group], layer: ActorLayer, trace: list[Decision], own_only: bool = False) -> list[_Found]:
        toks = sent.tokens
        cl = clauses[ci]
        ctoks = toks[cl.start:cl.end]
        ti = cl.start + trig.index
        entry = trig.entry
        code = trig.code
        rule = f"{self.lang}.{entry.rule}"
        clause_text = doc.text[ctoks[0].start:ctoks[-1].end]

        def note(kept: bool, why: str, src: str | None = None, tgt: str | None = None, mod: str = "asserted",
                 c: str | None = code) -> None:
            trace.append(Decision(si, clause_text, toks[ti].text, rule, c, src, tgt, mod, kept, why))

        if not entry.speech and (self._quoted(toks, ti) or self._in_direct_quote(doc, toks[ti].start)):
            note(False, "inside a direct quotation (what was said, not a happening)")
            return []
        if entry.pos != "noun" and self._attributive(toks, ti):
            note(False, "participle used as an adjective")
            return []
        if entry.pos != "noun" and self._topic_gerund(toks, ti):
            note(False, "gerund under a preposition names a topic, not a happening")
            return []
        inside = [g for g in groups if cl.start <= g.first and g.last < cl.end]
        if ci in self._cont:
            rest = self._cont[ci]
            inside += [g for g in groups if rest.start <= g.first and g.last < rest.end]
        passive = self._passive(ctoks, trig.index, trig.participle)
        agent = next((g for g in inside if g.prep in self.agent_preps and not self._noun_attribute(toks, g)),
                     None) if passive else None
        bare = [g for g in inside if g.prep is None]
        source_g: Group | None
        target_g: Group | None = None
        no_fallback = False
        sym = entry.sym
        if entry.pos == "noun" and not (entry.support and self._has_support(ctoks)):
            source_g, target_g = self._noun_roles(toks, ti, inside)
            if (source_g is None or target_g is None) and code[:2] in _TRANSFER_ROOTS and \
                    (thanked := self._thanked_for(toks, ti, ctoks, inside)) is not None:
                source_g, target_g = thanked
            if own_only and (source_g is None or target_g is None or source_g is target_g):
                note(False, "a second trigger of the clause needs its own source and target")
                return []
            if source_g is None:
                source_g = self._possessor_pronoun(toks, ti, groups, layer, sent) or \
                    self._demonym_owner(toks, ti, layer)
            if source_g is None:
                # no actor in the noun's own phrase: the subject of the verb that governs it ("der König
                # wandte sich mit dem Appell an …"), or the subject a coordinated clause shares
                source_g = self._governing_subject(toks, clauses, ci, ti, groups, inside, target_g) or \
                    self._relative_agent(toks, clauses, ci, ti, groups)
            if source_g is None and entry.sym and target_g is not None and target_g.prep in self.partner_preps and \
                    self._prep(toks, ti) is not None:
                # "Nach Gesprächen mit X bleibt er im Amt", "Bei einem Treffen mit X sagte Y": the
                # subject of the clause the meeting is an adjunct of is the other party
                source_g = next((g for g in inside if g.first > target_g.last and g.prep is None), None)
            if entry.support and source_g is None:
                note(False, "nominal trigger without an actor of its own")
                return []
        elif (by := self._participle_agent(toks, ti, inside)) is not None:
            # "die von der EU verhängten Sanktionen gegen Russland": an attributive participle's agent
            # is its source; what it is directed at stands after its noun
            source_g = by
            target_g = next((g for g in inside if g.first > ti and g.prep in self.target_preps), None)
        elif passive:
            source_g = agent
            target_g = bare[0] if bare else self._relative_antecedent(toks, clauses, ci, groups)
            if target_g is None and ci in self._head:
                head = self._head[ci]
                target_g = next((g for g in groups if head.start <= g.first < head.end and g.prep is None), None)
            if target_g is None and ci > 0 and self._coord_verb(toks, cl.start):
                # "…, which belonged to Syria and was occupied by Israel": the shared subject
                prev = clauses[ci - 1]
                target_g = next((g for g in groups if prev.start <= g.first < prev.end
                                 and g.prep not in self.agent_preps), None)
        elif any(t.text.casefold() in self.impersonal for t in ctoks):
            # "…, dass man sich darauf geeinigt habe": the doer is unsaid, not the speaker or the
            # actor named before; the bare actors are objects
            source_g, no_fallback = None, True
            target_g = bare[0] if bare else None
        else:
            lead, shift = self._lead_subject(toks, clauses, ci, ti, groups, bare)
            if shift:
                # the subject is outside the clause (an apposition before it, a pronoun, the controller
                # of an infinitive): the bare actors of the clause are its objects
                source_g = lead
                target_g = bare[0] if bare else None
                no_fallback = lead is None
            else:
                source_g = bare[0] if bare else None
                target_g = bare[1] if len(bare) > 1 else None
                rel = toks[cl.start].text.casefold()
                if not bare or rel in self.relative_nominative:
                    # a relative clause: "…, die sich weigerten" has its antecedent as subject, so has
                    # "…, der die Junta kritisiert hatte" (a nominative pronoun: the actor in it is the
                    # object); "…, denen … verweigert wurde" has it as (dative) object
                    ante = self._relative_antecedent(toks, clauses, ci, groups)
                    if ante is not None and rel in self.relative_dative:
                        target_g = ante
                    elif ante is not None and bare:
                        source_g, target_g = ante, bare[0]
                    elif not bare:
                        source_g = ante
            if target_g is not None and source_g is not None and \
                    all(m.inferred and m.kind == "role" for m in target_g.members) and \
                    set(target_g.keys) <= set(source_g.keys):
                # "Russland verlegte Truppen an die Grenze zu Georgien": the source's own forces are
                # the instrument; a prepositional target ("zu/gegen/against Georgien") or destination
                # ("schickte Soldaten nach Syrien", "withdrew its troops from Georgia": `motion_preps`) is the target
                target_g = next((g for g in inside if g.first > target_g.last and
                                 g.prep in self.target_preps | self.host_preps | self.motion_preps
                                 and not set(g.keys) <= set(source_g.keys)), target_g)
        if self._report_relative(toks, cl):
            # "X verwies auf einen Bericht, demzufolge …": the clause says what the report says; its
            # roles are its own, never the main clause's actors
            source_g, target_g = (g if g is not None and g.last >= cl.start else None for g in (source_g, target_g))
            no_fallback = True
        if source_g is None and not no_fallback and not (passive and agent is None):
            # relative clauses and subjects set off by commas: the nearest actor before the clause
            # (not the subject of a subordinate clause before it: "Weil X …, protestierten Tausende")
            prev = [g for g in groups if g.last < cl.start and g.prep is None
                    and not self._in_subordinate(toks, clauses, g)]
            if prev:
                source_g = prev[-1]
            elif any(t.text.casefold() in self.both for t in ctoks):
                # "beide Länder" / "both countries": the last two countries named before
                source_g = self._last_two(layer, ctoks[0].start)
            elif any(t.pos == "PRON" and t.text.casefold() in self.pronouns for t in ctoks[:trig.index + 2]):
                source_g = self._previous_subject(si, layer) or self._antecedent(layer, sent.start)
        if target_g is None:
            for g in inside:
                if g is source_g or g.first < 0:
                    continue
                if entry.host and g.prep in self.host_preps:
                    target_g = g
                    break
                if g.prep in self.partner_preps:
                    target_g, sym = g, True
                    break
                if g.prep in self.target_preps and not entry.sym and not (entry.speech and g.first - ti > 3):
                    # a meeting's partner comes with "mit/with"; "zu/to" names its occasion; a speech verb's
                    # addressee follows it ("said to reporters", not "said … in a visit to Ireland")
                    target_g = g
                    break
        if target_g is None and code[:2] in _REFUSAL_ROOTS and not passive:
            target_g = self._complement_target(toks, clauses, ci, groups, source_g)
        if entry.converse and not passive:
            # "erhielt eine Kopie von X", "receives weapons from X": the giver in the "von/from" phrase
            # is the source, the subject receives
            giver = next((g for g in inside if g.prep in self.agent_preps and g is not source_g), None)
            source_g, target_g = giver, source_g
        elif code[:2] in _RECIPIENT_ROOTS and not sym:
            # what is handed over goes to the "an/to" recipient; a bare actor is then the thing given
            # ("Hong Kong wurde von den Briten an China zurückgegeben")
            to = next((g for g in inside if g.prep in self.recipient_preps and g is not source_g
                       and g.first > (source_g.last if source_g and source_g.first >= cl.start else cl.start)), None)
            if to is not None and (target_g is None or target_g.prep is None):
                target_g = to
        if target_g is None and code[:2] in _TRANSFER_ROOTS and not sym and source_g is not None:
            target_g = self._user_of_object(toks, clauses, ci, groups, source_g)
        if target_g is None and not sym and entry.pos == "verb":
            # "attacked the decision of Poland": the possessor of the object is whom the act concerns
            target_g = next((g for g in inside if g is not source_g and g.first > ti and g.prep in self.possessor_preps
                             and g.first - ti <= 5 and self._object_noun_before(toks, ti, g.first)), None)
            if target_g is None and not passive and not entry.speech and ti + 1 < len(toks) and \
                    toks[ti + 1].pos in ("DET", "ADJ", "NOUN", "PROPN"):
                # "attacked the proclamation of the Golan Heights as Israeli territory by the US President":
                # in an active clause a "by" phrase (here or in verbless clauses after it) is the agent of
                # the object, whom the act concerns
                end = cl.end
                for nxt in clauses[ci + 1:]:
                    if any(t.pos in ("VERB", "AUX") for t in toks[nxt.start:nxt.end]):
                        break
                    end = nxt.end
                target_g = next((g for g in groups if g is not source_g and ti < g.first < end
                                 and g.prep in self.agent_preps), None)
        if target_g is None and not passive and not entry.speech and entry.pos == "verb" and \
                not any(g.first > ti for g in inside):
            target_g = self._act_referred_to(toks, ti, source_g)
        source_g = self._body_behind(toks, source_g, layer)
        target_g = self._body_behind(toks, target_g, layer)
        if entry.default and (passive or target_g is None or target_g.prep is not None or target_g.first <= ti):
            # a PETRARCH verb's bare default ("pay", "attend", "return", "die") is a coding only with an
            # actor as its direct object; patterns (object nouns, prepositions) are specific enough
            note(False, "PETRARCH default code without an actor as direct object")
            return []
        host_place: PlaceMention | None = None
        if (entry.host or (code[:2] in _TRANSFER_ROOTS and entry.with_ and not sym)) and target_g is None:
            # (a delivery "in den Gazastreifen", "nach Syrien" goes to that country)
            host_place = self._place(doc, sent, ctoks, layer, host=True)
        elif sym and code[:2] == "04" and target_g is None and source_g is not None and len(source_g.keys) == 1 \
                and all(m.country for m in source_g.members):
            # "Polish leaders met in Berlin": a state's meeting without a named partner in another country
            # is a visit to that host (not an organisation's: "EU ministers met in Brussels" is at home)
            host_place = self._place(doc, sent, ctoks, layer, host=True)
            if host_place is not None and host_place.country and host_place.country not in source_g.keys:
                code, sym = _VISIT, False
            else:
                host_place = None
        because = ""  # why a kept coding has its code, where the trigger alone does not say
        act: tuple[int, int] | None = None  # the reported act that makes a statement an accusation
        if entry.speech:
            target_g = target_g or self._spoken_about(groups, clauses, ci, source_g)
            words = self._content_words(toks, clauses, ci)
            tone = self.lex.tone_code(words)
            reported = self._reported(sent, toks[ti], (ctoks[0].start, ctoks[-1].end))
            alleged = self._alleged(sent, clauses, groups, target_g.members[0], source_g.members,
                                    lambda o: reported[0] <= o < reported[1], ctoks) \
                if source_g is not None and target_g is not None and \
                (tone or code) in statements.allegations(self.lang).statements else None
            if alleged is not None:
                code, because, act = alleged
                rule = f"{self.lang}.{statements.ALLEGATION}"
            elif tone is None:
                note(False, "statement without evaluative content")
                return []
            else:
                code = tone
        mod = self._modality(sent, clauses, ci, trig.index, trig.participle)
        if mod == "negated" and code[:2] in _REFUSALS and not entry.default and not entry.speech and \
                self.negated_cooperation and any(t.text.casefold() in self.neg for t in ctoks[:trig.index]):
            # "neither the EU nor the US endorsed the result", "X did not sign the treaty": withholding
            # cooperation is a rejection (CAMEO 12)
            code, mod = _REFUSALS[code[:2]], "asserted"
        if entry.only_negated:
            # a refusal by one's own will: "darf/kann nicht teilnehmen" is held back by others, no boycott
            if mod != "negated" or any(t.lemma.casefold() in self.not_permitted for t in ctoks):
                note(False, "only a withheld act of one's own is an event", mod=mod)
                return []
            mod = "asserted"
        if mod in ("negated", "hypothetical"):
            note(False, f"{mod} happening", mod=mod)
            return []
        planned_root = code[:2]
        if mod == "future" and code[:2] not in _FUTURE_ROOTS:
            intent = cameo.intent_of(code)
            if intent is None:
                note(False, "planned conflictual act has no intent code", mod=mod)
                return []
            code = intent
        if any(g is not None and g.correlative == "one" for g in (source_g, target_g)):
            note(False, "either of two actors: which one is open", mod=mod)
            return []
        if target_g is None and code[:2] in _OBJECT_OWNER_ROOTS and entry.pos == "verb" and not entry.speech:
            # ("France condemned the Russian attack", "lehnte den amerikanischen Vorschlag ab"): what is
            # criticised or rejected belongs to the nation its demonym names, the target
            target_g = next((g for k in range(ti + 1, cl.end) if toks[k].pos == "NOUN"
                             and (g := self._demonym_owner(toks, k, layer)) is not None
                             and not (source_g is not None and set(g.keys) & set(source_g.keys))), None)
        pairs: list[tuple[Actor | None, Actor | None]] = []
        srcs = source_g.members if source_g else [None]
        if target_g is None and source_g is not None and sym and source_g.correlative != "each" and \
                (len(source_g.keys) >= 2 or _domestic_sides(source_g)):
            # ("sowohl China als auch Russland verhandeln": each with someone else, not with each other)
            # "China und Russland vereinbaren …": one symmetric event between the coordinated actors
            a = source_g.members[0]
            b = next((m for m in source_g.members if m.key != a.key), None)
            pairs.append((a, b) if b is not None else _domestic_sides(source_g))  # type: ignore[arg-type]
            sym = True
        else:
            tgts = target_g.members if target_g else [None]
            for s in srcs:
                for t in tgts:
                    pairs.append((s, t))
        if sym and passive and source_g is None and target_g is None and \
                (forum := self._forum(inside, ctoks)) is not None:
            # "In der EU wird um die Verteilung verhandelt": members of the organisation among themselves
            pairs = [(forum, Actor(ctoks[-1].end, ctoks[-1].end, forum.country, forum.org, forum.sectors, forum.entity,
                                   forum.kind, forum.place, True, ""))]
        if host_place is not None and host_place.country:
            pairs = [(s, Actor(host_place.start, host_place.end, host_place.country, None, (), None, "capital",
                               place=host_place.name, text=host_place.name)) for s, _ in pairs]
        root = code[:2]
        if target_g is None and not entry.speech and not entry.host and entry.source != "petrarch" and \
                root in _IMPLICIT_TARGET_ROOTS and planned_root not in _PARTNER_ROOTS and \
                not (sym and any(t.text.casefold() in self.both for t in ctoks)):
            # ("die beiden Regierungen einigten sich": the partner is one of "both", not a guess)
            pairs = [(s, t if t is not None or s is None else self._implicit_target(s, groups, source_g, ci,
                                                                                     clauses, si, layer, root))
                     for s, t in pairs]
        if root == "14":
            if target_g is None:
                cause = self._cause_actor(toks, clauses, ci, groups, source_g)
                if cause is not None:
                    pairs = [(s, t if t is not None else cause) for s, t in pairs]
            pairs = [self._protest_pair(s, t, doc, sent, ctoks, layer) for s, t in pairs]
        elif root in _DOMESTIC_ROOTS:
            if target_g is None and (aimed := self._aimed_at(inside, source_g)) is not None:
                # "feuerten mit Wasserwerfern auf Flüchtlinge": force is aimed at whom "auf"/"on" names
                target_g = aimed
                pairs = [(s, t) for s in srcs for t in aimed.members]
            if target_g is None:
                pairs = [(s, t if t is not None else self._patient_owner(s, sent, ctoks, groups, layer))
                         for s, t in pairs]
            if root in _VIOLENCE_ROOTS and target_g is None:
                pairs = [(s, t if t is not None else self._attacked_country(s, doc, sent, ctoks, layer))
                         for s, t in pairs]
            # an agentless passive on something at a named place ("der Bahnhof in Tunis wurde in Brand
            # gesetzt") leaves its doer unknown: one-sided, not the state acting on itself
            pairs = [(s, t) if (s is None and passive and agent is None and t is not None and
                     t.kind in ("capital", "country") and
                     self._one_sided(entry, root, t, None)) or self._soldiers_hit(s, t, root, passive and agent is None)
                     else self._domestic_pair(s, t, doc, sent, ctoks, layer)
                     for s, t in pairs]
            if root in _STATE_COERCION_ROOTS and passive and agent is None:
                pairs = [self._state_coercion(doc, sent, ctoks, layer) if s is None and t is None else (s, t)
                         for s, t in pairs]
        elif root in _STORY_STATE_ROOTS and passive and agent is None:
            pairs = [self._state_coercion(doc, sent, ctoks, layer, story_country=True,
                                          place_decides=root not in _POSTURE_ROOTS)
                     if s is None and t is None else (s, t) for s, t in pairs]
        out: list[_Found] = []
        date = self._date(doc, sent, clauses, ctoks, toks[ti])
        if mod != "future" and date and doc.published and date[:10] > doc.published and len(date) >= 10:
            intent = cameo.intent_of(code)
            if intent is None:
                note(False, "happening dated after publication", mod="future")
                return []
            code, mod = intent, "future"
        place = self._place(doc, sent, ctoks, layer)
        if si not in self._domains:
            self._domains[si] = self.lex.off_topic(toks)
        domain = self._domains[si] or self._headline_domain
        statement = entry.speech or root in ("01",)
        for s, t in pairs:
            if s is None and passive and agent is None and self._one_sided(entry, root, t, domain):
                ev = (ctoks[0].start, ctoks[-1].end)
                out.append(_Found(None, t, code, rule, mod, date, place.name if place else None, ev, False,
                                  _confidence("own", None, t)))
                note(True, "agentless passive on a political actor: one-sided event", None, t.code, mod, code)
                continue
            if s is None or t is None or not s.key or not t.key:
                note(False, "missing source or target", s.code if s else None, t.code if t else None, mod)
                continue
            why = self._inadmissible(s, t, code, statement, domain)
            if why:
                note(False, why, s.code, t.code, mod)
                continue
            if entry.speech and s.key == t.key and t.kind in ("country", "capital") and s.kind != t.kind:
                # a speaker naming their own country ("eine Verhöhnung Polens") says nothing about it
                note(False, "statement about the speaker's own country", s.code, t.code, mod)
                continue
            if s is t or (s.start == t.start):
                note(False, "source and target are the same mention", s.code, t.code, mod)
                continue
            if code in ("180", "190", "193") and s.kind == "role" and "CVL" in s.sectors and \
                    not set(s.sectors) & _POLITICAL_SECTORS:
                code = "145"  # protesters fighting or assaulting (the police): a violent protest, not military force
            kind = ("petrarch_default" if entry.default else "petrarch") if entry.source == "petrarch" else \
                ("pattern" if entry.with_ else "own")
            conf = _confidence(kind, s, t)
            ev = (ctoks[0].start, ctoks[-1].end)
            if source_g is not None and 0 <= source_g.first < cl.start:
                ev = (toks[source_g.first].start, ctoks[-1].end)
            if act is not None:
                ev = (min(ev[0], act[0]), max(ev[1], act[1]))
            out.append(_Found(s, t, code, rule, mod, date, place.name if place else None, ev, sym, conf))
            note(True, because, s.code, t.code, mod, code)
        return out

    def _act_referred_to(self, toks: list[Token], ti: int, source_g: Group | None) -> Group | None:
        """"criticized the move", "welcomed the decision": an act named only by a noun that refers
        back is the last act reported before (not a comment on one, which is what this clause is),
        and it concerns that act's doer."""
        if ti + 2 >= len(toks) or toks[ti + 1].pos != "DET" or toks[ti + 1].text.casefold() in self.possessives or \
                toks[ti + 2].lemma.casefold() not in self.act_anaphors:
            return None
        own = set(source_g.keys) if source_g else set()
        act = next((f for f in reversed(self._found) if f.source is not None and f.source.key
                    and f.code[:2] not in _COMMENT_ROOTS and f.source.key not in own), None)
        return Group([act.source], -1, -1) if act is not None else None

    def _body_behind(self, toks: list[Token], g: Group | None, layer: ActorLayer) -> Group | None:
        """A name before a document noun ("signed the Free Trade Area agreement") names the document,
        not a party to it: the party is the organisation behind it (the KB parent) where the article
        names that organisation; otherwise the name is left as it is."""
        if g is None or len(g.members) != 1 or g.last + 1 >= len(toks) or not g.members[0].org or \
                toks[g.last + 1].lemma.casefold() not in self.document_nouns:
            return g
        org = self.kb.org(g.members[0].org)
        parent = org.parent if org is not None else None
        named = next((a for a in layer.actors if parent and a.org == parent and not a.country), None)
        if named is None:
            return g
        return Group([named], g.first, g.last, g.prep)

    @staticmethod
    def _soldiers_hit(s: Actor | None, t: Actor | None, root: str, agentless: bool) -> bool:
        """Soldiers killed or wounded by someone unsaid ("bei dem Angriff wurden vier Soldaten getötet")
        were hit by their enemy, mostly another state or rebels: not their own state acting at home; so is
        a country or capital attacked as a whole ("die Angriffe auf Gaza", "Raketen, die auf Israel
        abgeschossen wurden")."""
        return s is None and t is not None and root in _VIOLENCE_ROOTS and (
            (agentless and "MIL" in t.sectors) or t.kind in ("country", "capital"))

    def _one_sided(self, entry: Entry, root: str, t: Actor | None, domain: str | None) -> bool:
        """An agentless act on `t` that is an event without a source: an appeal, accusation or coercion
        whose patient is a state, organisation or state organ named in the clause (a role noun counts,
        with its country from the article; workers or protesters told to do something by someone unsaid
        are no political event, and a side filled in or resolved from a pronoun is too unsure)."""
        return root in _ONE_SIDED_ROOTS and entry.pos != "noun" and not entry.speech and not domain and \
            t is not None and bool(t.key) and bool(t.text) and t.kind != "coref" and \
            (bool(t.org) or t.kind in ("country", "capital") or bool(set(t.sectors) & _POLITICAL_SECTORS))

    def _complement_target(self, toks: list[Token], clauses: list[Clause], ci: int, groups: list[Group],
                           source_g: Group | None) -> Group | None:
        """A refusal's target inside the infinitive it governs ("weigerte sich, der Bitte der NATO
        nachzukommen", "lehnte es ab, mit den Rebellen zu verhandeln"): the first other actor of the
        clauses after it up to that infinitive (at most three; none when an auxiliary comes first)."""
        skeys = set(source_g.keys) if source_g else set()
        span: list[Clause] = []
        for cl in clauses[ci + 1:ci + 4]:
            if toks[cl.start - 1].text != "," or cl.start >= cl.end:
                return None
            span.append(cl)
            ks = range(cl.start, cl.end)
            # (the tagger may miss the infinitive after "zu": "zu schicken" as an adjective)
            if any(self._infinitive(toks, k) or (toks[k].pos == "PART" and k + 1 < cl.end
                                                 and toks[k].text.casefold() in self.infinitive_markers) for k in ks):
                break
            if any(toks[k].pos == "AUX" for k in ks):
                return None  # a finite clause of its own comes first
        else:
            return None
        return next((g for c in span for g in groups if c.start <= g.first < c.end and
                     g.prep not in self.agent_preps and not set(g.keys) <= skeys), None)

    def _lead_subject(self, toks: list[Token], clauses: list[Clause], ci: int, ti: int, groups: list[Group],
                      bare: list[Group]) -> tuple[Group | None, bool]:
        """A subject the clause itself does not contain; (subject or None, True) when the clause's bare
        actors are objects:
        - the second of coordinated predicates ("X traf Y und unterzeichnete …"): the first one's subject;
        - an apposition clause before it ("Dina Mufti, Sprecher des Ministeriums, hat X beschuldigt",
          "X, the spokesman of Y, accused Z"): a clause that opens with its verb after clauses without
          one has the sentence's first actor as subject; so has an English participle clause
          ("Protesters, carrying placards asking the government to …");
        - a personal pronoun before the clause's first actor ("wir fordern die äthiopische Seite auf"):
          the pronoun is the subject (resolved later, or no event);
        - an infinitive ("…, eine Erklärung des Kosovos für nichtig zu erklären"): its subject is the
          lone actor of the clause before it."""
        cl = clauses[ci]
        first = toks[cl.start]
        first_actor = bare[0].first if bare else cl.end
        if ci > 0 and self._coord_verb(toks, cl.start):
            # the second of two coordinated predicates: the subject of the first (across an infinitive
            # or object clause of the first that names no actor)
            for prev in reversed(clauses[:ci]):
                pb = next((g for g in groups if prev.start <= g.first < prev.end and g.prep is None), None)
                if pb is not None:
                    return pb, True
        if ci > 0 and first.pos == "CCONJ" and first.text.casefold() in self.coord and cl.start + 1 < cl.end and \
                toks[cl.start + 1].pos == "VERB":
            # "X spoke about Y, and condemned Z": a coordinated predicate after a comma shares the subject
            head, found = self._preceding_subject(toks, clauses, ci, groups)
            if found:
                return head, True
        if ci > 0 and first.text.casefold() in self.relative and \
                not any(g.prep is None and g.last < ti for g in bare):
            # "X, who criticised Y": the relative pronoun is the subject and stands for the actor before it
            ante = [g for g in groups if g.first >= 0 and g.last < cl.start]
            if ante and clauses[ci - 1].start <= ante[-1].first:
                return ante[-1], True
        participle = bool(self.gerund) and first.pos == "VERB" and first.text.endswith(self.gerund)
        if ci == 0 and participle and len(clauses) > 1:
            # "Refusing to give up power, Mugabe agreed …": the subject of the main clause after it
            nxt = clauses[1]
            verb = next((n for n in range(nxt.start, nxt.end) if toks[n].pos in ("VERB", "AUX")), nxt.end)
            head = next((g for g in groups if nxt.start <= g.first and g.last < verb and g.prep is None), None)
            return head, True
        if ci > 0 and participle:
            # "…, she said, asking X to …", "X, …, addressed reporters, calling for …": the subject of the
            # clause it hangs on
            head, found = self._preceding_subject(toks, clauses, ci, groups)
            if found:
                return head, True
        head = next((g for g in groups if g.prep is None and g.last < cl.start and g.first >= 0), None)
        # "Protesters, carrying placards …, marched": a subject standing alone before what interrupts it
        lone = head is not None and not any(t.pos in ("VERB", "AUX") for t in toks[:head.first]) and \
            not any(c.start <= head.first < c.end and any(t.pos in ("VERB", "AUX") for t in toks[c.start:c.end])
                    for c in clauses[:ci])
        if ci > 0 and first.pos in ("VERB", "AUX") and not participle and (lone or not any(
                t.pos in ("VERB", "AUX") for t in toks[clauses[0].start:cl.start])):
            if head is not None and (lone or head.first < clauses[0].end):
                if ci > 1 and any(a.kind == "entity" and a.entity and not a.org for a in head.members):
                    # "X, Sprecher des äthiopischen Außenministeriums, …": the apposition names whom
                    # the person speaks for
                    app = clauses[1]
                    role = self.kb.role(self.lang, toks[app.start].text) or \
                        self.kb.role(self.lang, toks[app.start].lemma)
                    aff = next((g for g in groups if app.start < g.first and g.last < app.end), None)
                    if (role is not None and aff is not None and toks[app.start].pos == "NOUN") or \
                            (aff is not None and toks[app.start].pos == "DET" and app.start + 1 < app.end
                             and self.kb.role(self.lang, toks[app.start + 1].text) is not None):
                        return aff, True
                return head, True
        for k in range(cl.start, min(first_actor, ti)):
            t = toks[k]
            if t.pos == "PRON" and t.text.casefold() in self.subject_pronouns:
                # "X sagte, wir hätten …": the speaker's side is the subject (in a direct quote only a
                # saying verb is coded, and "as I have said" is no statement of its own)
                side = self._speaker_side(t.start, indirect=True) if t.text.casefold() in self.first_person else None
                return (Group([side], k, k) if side is not None else None), True
        if ci == 0 and self._plain_subject(toks, cl, groups):
            return None, True
        if ci > 0 and bare and self._infinitive(toks, ti):
            prev = clauses[ci - 1]
            pb = [g for g in groups if prev.start <= g.first and g.last < prev.end and g.prep is None]
            if len(pb) == 1 and not set(pb[0].keys) & set(bare[0].keys):
                return pb[0], True
        if ci > 0 and first.pos == "PART" and ti == cl.start + 1 and self._infinitive(toks, ti):
            # "The United Kingdom voted on June 23, 2016, to leave the EU": an infinitive set off by a
            # comma has the subject of the clause it completes
            head, found = self._preceding_subject(toks, clauses, ci, groups)
            if found and head is not None:
                return head, True
        return None, False

    def _plain_subject(self, toks: list[Token], cl: Clause, groups: list[Group]) -> bool:
        """A sentence that opens with a noun phrase naming no actor right before its finite verb
        ("Polnische Experten kritisierten Russland", "Unknown gunmen killed the mayor"): that phrase is
        the subject, so the actors after the verb are its objects, not its doers."""
        verb = next((k for k in range(cl.start, cl.end) if toks[k].pos in ("VERB", "AUX")), None)
        if verb is None or verb == cl.start:
            return False
        lead = toks[cl.start:verb]
        # (a time in front, "Anfang Oktober erhielt X …", is no subject)
        return any(t.pos == "NOUN" for t in lead) and all(t.pos in ("DET", "ADJ", "NUM", "NOUN") for t in lead) and \
            not any(g.first < verb and g.last >= cl.start for g in groups) and \
            not any(x.start < lead[-1].end and lead[0].start < x.end for x in self._doc.times)

    def _relative_antecedent(self, toks: list[Token], clauses: list[Clause], ci: int,
                             groups: list[Group]) -> Group | None:
        """The actor a relative clause is about: the clause opens with a relative pronoun right after
        a comma, and an actor ends right before that comma ("die Flüchtlinge, die sich weigerten") or
        before the verbs that close the clause before it ("feuerten auf Flüchtlinge, die …")."""
        cl = clauses[ci]
        first = toks[cl.start]
        if cl.start < 2 or first.pos != "PRON" or toks[cl.start - 1].text != "," or \
                first.text.casefold() not in self.relative | self.relative_dative:
            return None
        end = cl.start - 2
        while end > 0 and toks[end].pos in ("VERB", "AUX") and cl.start - 2 - end < 2:
            end -= 1
        return next((g for g in groups if g.last == end and g.first >= 0), None)

    def _report_relatives(self, toks: list[Token]) -> list[tuple[int, int]]:
        """Token spans of connectors that open what a document or source says ("ein Bericht, demzufolge
        …", "eine Studie, laut der …", "a report according to which …"): after a comma, or ending in a
        relative word that breaks the clause itself ("which"); "X sei laut der Staatsanwaltschaft …" is
        a preposition, no connector."""
        out = []
        low = [t.text.casefold() for t in toks]
        for words in self.report_relatives:
            n = len(words)
            for s in range(1, len(toks) - n + 1):
                if low[s] == words[0] and tuple(low[s:s + n]) == words and \
                        (toks[s - 1].text == "," or any(w in self.breaks for w in low[s + 1:s + n])):
                    out.append((s, s + n))
        return out

    def _report_relative(self, toks: list[Token], cl: Clause) -> bool:
        # (the clause break may fall inside the connector: "according to | which")
        return any(s <= cl.start < e for s, e in self._report_relatives(toks))

    def _after_report_relative(self, toks: list[Token], i: int) -> bool:
        # only articles and adjectives between the connector and the actor at `i`
        ends = {e for _, e in self._report_relatives(toks)}
        k = i
        while k not in ends and k > 0 and toks[k - 1].pos in ("DET", "ADJ", "NUM") and i - k < 3:
            k -= 1
        return k in ends

    def _in_subordinate(self, toks: list[Token], clauses: list[Clause], g: Group) -> bool:
        cl = next((c for c in clauses if c.start <= g.first < c.end), None)
        return cl is not None and toks[cl.start].pos == "SCONJ"

    def _cause_actor(self, toks: list[Token], clauses: list[Clause], ci: int, groups: list[Group],
                     source_g: Group | None) -> Actor | None:
        """Whom a protest without a named target is against: the political subject of the clause that
        gives its cause ("protestierten, nachdem der UNHCR seine Hilfen eingestellt hatte")."""
        skeys = set(source_g.keys) if source_g else set()
        for cl in clauses[max(0, ci - 2):ci] + clauses[ci + 1:ci + 3]:
            if toks[cl.start].text.casefold() not in self.cause_conj:
                continue
            subj = next((g for g in groups if cl.start <= g.first < cl.end and g.prep is None), None)
            if subj is None:
                return None
            m = subj.members[0]
            return m if m.key and m.key not in skeys and _political(m, self._pol_entities) else None
        return None

    def _relative_agent(self, toks: list[Token], clauses: list[Clause], ci: int, ti: int,
                        groups: list[Group]) -> Group | None:
        """The agent a relative clause gives a nominal trigger at the end of its clause ("eine Klage
        an, die von Suu Kyi eingereicht wurde", "an attack which was carried out by X")."""
        cl = clauses[ci]
        if ci + 1 >= len(clauses) or cl.end - ti > 2:
            return None
        nxt = clauses[ci + 1]
        first = toks[nxt.start]
        if first.pos != "PRON" or first.text.casefold() not in self.relative or toks[nxt.start - 1].text != ",":
            return None
        ntoks = toks[nxt.start:nxt.end]
        if not any(t.text.casefold() in self.voice.auxiliary_forms for t in ntoks):
            return None
        return next((g for g in groups if nxt.start <= g.first and g.last < nxt.end and g.prep in self.agent_preps),
                    None)

    def _user_of_object(self, toks: list[Token], clauses: list[Clause], ci: int, groups: list[Group],
                        source_g: Group) -> Group | None:
        """Who receives what is sold, delivered or given when the clause names no recipient: the actor
        of a relative clause on the goods ("verkauft Bauteile, die vom russischen Militär verwendet
        werden", "delivers weapons which the army uses")."""
        if ci + 1 >= len(clauses):
            return None
        nxt = clauses[ci + 1]
        first = toks[nxt.start]
        if first.pos != "PRON" or first.text.casefold() not in self.relative or \
                self._relative_antecedent(toks, clauses, ci + 1, groups) is not None:
            return None
        inner = [g for g in groups if nxt.start <= g.first and g.last < nxt.end and not set(g.keys) & set(source_g.keys)]
        return next((g for g in inner if g.prep in self.agent_preps), None) or \
            next((g for g in inner if g.prep is None), None)

    def _object_noun_before(self, toks: list[Token], ti: int, first: int) -> bool:
        """Whether only the verb's object noun phrase stands between the verb at `ti` and the
        preposition before `first` ("attacked the decision of X", not "accused him of obstruction of X")."""
        k = first - 1
        while k > ti and toks[k].pos == "DET":
            k -= 1
        if k <= ti or toks[k].lemma.casefold() not in self.possessor_preps:
            return False
        span = toks[ti + 1:k]
        return any(t.pos == "NOUN" for t in span) and all(t.pos in ("DET", "ADJ", "NOUN", "NUM") for t in span)

    def _possessor_pronoun(self, toks: list[Token], ti: int, groups: list[Group], layer: ActorLayer,
                           sent: Sentence) -> Group | None:
        """The owner of a possessive pronoun before a nominal trigger ("in exchange for his official
        resignation"): the last named person or organisation before it, in the sentence or before."""
        k = ti - 1
        while k >= 0 and toks[k].pos == "ADJ":
            k -= 1
        if k < 0 or toks[k].text.casefold() not in self.possessives:
            return None
        named = [g for g in groups if 0 <= g.last < k and any(m.kind in ("entity", "person", "org") and m.key
                                                              for m in g.members)]
        if named:
            m = next(m for m in named[-1].members if m.kind in ("entity", "person", "org") and m.key)
            return Group([m], named[-1].first, named[-1].last, named[-1].prep)
        return self._antecedent(layer, sent.start)

    @staticmethod
    def _demonym_owner(toks: list[Token], ti: int, layer: ActorLayer) -> Group | None:
        """A demonym among the adjectives right before a nominal trigger is its doer ("die israelische
        Besetzung", "a Russian military offensive"): the nation the act is ascribed to."""
        k = ti - 1
        while k >= 0 and ti - k <= 3:
            # (the entity layer may give a demonym the kind of the country it names)
            a = next((a for a in layer.actors if a.kind in ("demonym", "country") and a.key and a.start == toks[k].start
                      and a.end == toks[k].end), None)
            if a is not None and toks[k].pos in ("ADJ", "PROPN"):  # (English taggers read "Russian" as a name)
                return Group([a], k, k, None)
            if toks[k].pos != "ADJ":
                return None
            k -= 1
        return None

    def _preceding_subject(self, toks: list[Token], clauses: list[Clause], ci: int,
                           groups: list[Group]) -> tuple[Group | None, bool]:
        """The subject of the clause a dependent clause hangs on (a participle, ", and" + verb, an
        infinitive set off by a comma), and whether one was found (None: a subject that is no actor).
        Walking back: the agent of the nearest clause in the passive, else the bare actor before its
        verb; clauses opening with their verb (appositions, coordinated predicates) or a relative
        pronoun lead further back, to a subject standing alone."""
        lone: Group | None = None
        for k in range(ci - 1, -1, -1):
            c = clauses[k]
            gs = [g for g in groups if c.start <= g.first < c.end and g.first >= 0]
            verb = next((n for n in range(c.start, c.end) if toks[n].pos in ("VERB", "AUX")), None)
            if verb is None:
                lone = next((g for g in gs if g.prep is None), lone)
                continue
            if toks[c.start].text.casefold() in self.relative:
                continue  # "President Trump, who appointed her, responded …, calling for …"
            main = next((n for n in range(c.end - 1, c.start - 1, -1) if toks[n].pos == "VERB"), None)
            agent = next((g for g in gs if g.prep in self.agent_preps), None)
            if agent is not None and main is not None and self._passive(toks[c.start:c.end], main - c.start):
                return agent, True  # "… were described by Johnson as …, saying"
            before = [g for g in gs if g.prep is None and g.last < verb]
            if before:
                return before[0], True
            if any(t.pos in ("NOUN", "PROPN", "PRON") for t in toks[c.start:verb]):
                return None, True
        return lone, lone is not None

    def _governing_subject(self, toks: list[Token], clauses: list[Clause], ci: int, ti: int,
                           groups: list[Group], inside: list[Group], target_g: Group | None) -> Group | None:
        """The source of a nominal trigger without an actor of its own: the bare actor before it in its
        clause when the clause has a finite verb before the noun (the governing verb's subject), else
        the lead subject of a coordinated or verb-initial clause."""
        cl = clauses[ci]
        k = ti - 1
        while k >= cl.start and (toks[k].pos in ("ADJ", "NUM") or
                                 (toks[k].pos == "DET" and toks[k].text.casefold() not in self.genitive_links)):
            k -= 1
        if k >= cl.start and toks[k].text.casefold() in self.adjunct_preps:
            return None  # a time or cause adjunct ("nach dem Rücktritt", "after the summit") is no object
        if k >= cl.start and (toks[k].pos == "PROPN" or toks[k].text in self.possessive_clitics
                              or (self.noun_possessor and k == ti - 1 and toks[k].pos == "NOUN")
                              or (toks[k].text.casefold() in self.genitive_links and k > cl.start
                                  and toks[k - 1].pos == "NOUN")):
            return None  # the noun has a possessor of its own ("Köhlers Rücktritt", "die Sichtweise der Proteste")
        if any(self._event_verb(t, toks[cl.start:cl.end]) for t in toks[cl.start:cl.end] if t is not toks[ti]):
            # the noun is the object of an event verb of its own ("verurteilte die Angriffe", "fordert
            # Sanktionen"): that verb's subject did not carry it out
            return None
        has_verb = any(t.pos in ("VERB", "AUX") for t in toks[cl.start:ti])
        if has_verb:
            before = [g for g in inside if g.prep is None and g.last < ti and g is not target_g
                      and not any(m.kind in ("demonym", "people") for m in g.members)]
            # (a participle right after its noun, "a statement released in …", is no predicate of its own)
            if before and sum(t.pos in ("VERB", "AUX") and not (t.text.endswith(self.attributive_suffixes)
                                                                and toks[n - 1].pos == "NOUN")
                              for n, t in enumerate(toks[before[0].last + 1:ti], before[0].last + 1)) <= 1:
                return before[0]  # (more verbs between them: the noun belongs to another predicate)
            if before:
                return None
        bare = [g for g in inside if g.prep is None]
        lead, shift = self._lead_subject(toks, clauses, ci, ti, groups, bare)
        return lead if shift and lead is not target_g else None

    def _event_verb(self, t: Token, ctoks: list[Token]) -> bool:
        lemma = self._verb_lemma(t, ctoks)
        return bool(lemma) and lemma in self.lex.verbs and lemma not in self.support and \
            t.lemma not in self.support and any(not e.with_ and not e.speech for e in self.lex.verbs[lemma])

    def _infinitive(self, toks: list[Token], ti: int) -> bool:
        t = toks[ti]
        if t.pos != "VERB":
            return False
        if ti > 0 and toks[ti - 1].text.casefold() in self.infinitive_markers:
            return True
        low, lemma = t.text.casefold(), t.lemma.casefold()
        return any(x in low and low.replace(x, "", 1) == lemma for x in self.infinitive_infixes)

    def _implicit_target(self, s: Actor, groups: list[Group], source_g: Group | None, ci: int,
                         clauses: list[Clause], si: int, layer: ActorLayer, root: str) -> Actor | None:
        """The target a reaction leaves unsaid ("Großbritannien bestreitet das", "die Kanzlerin lehnte
        ab", "X trat zurück"): the other political actor of the clauses before it in the sentence, else
        of the previous sentence; with none, a political source acting in its own (the article's)
        country is domestic politics (CAMEO X→X). Marked inferred (lower confidence)."""
        if not _political(s, self._pol_entities) or not s.key:
            return None
        cl = clauses[ci]
        skeys = set(source_g.keys) if source_g else {s.key}
        before = [m for g in groups if g is not source_g and 0 <= g.last < cl.start and g.prep not in self.agent_preps
                  for m in g.members]
        sents: list[Sentence] = self._doc.layers.get("sentences") or []
        if si > 0 and not before:
            prev = sents[si - 1]
            before = [a for a in layer.actors if prev.start <= a.start < prev.end]
        cands = [a for a in before if a.key and a.key not in skeys and a.kind not in ("demonym", "people", "prefix")
                 and _political(a, self._pol_entities) and not a.inferred]
        if not cands and before and si < len(sents) and all(sents[si].start <= a.start for a in before):
            # ("neither the EU nor the US would endorse the result" after "Mugabe won … over Tsvangirai of
            # the MDC"): named actors of one other country earlier in the sentence, political or not
            named = [a for a in before if a.key and a.key not in skeys and a.kind in ("entity", "person", "country")
                     and not a.inferred]
            if named and len({a.key for a in named}) == 1:
                cands = named
        if cands and root not in _DOMESTIC_ONLY_ROOTS:
            a = cands[-1]
            return Actor(a.start, a.end, a.country, a.org, a.sectors, a.entity, a.kind, a.place, True, a.text)
        if s.country and s.country == layer.default_country and root not in _FOREIGN_ROOTS:
            return Actor(s.end, s.end, s.country, None, (), None, "role", inferred=True)
        if s.org and not s.country and layer.default_country and (
                root in _ORG_REACTION_ROOTS or (root in _IGO_REACTION_ROOTS and "IGO" in s.sectors)):
            # "Amnesty International has called for an investigation": an international organisation's
            # demand, criticism or rejection without a named addressee concerns the country of the story
            return Actor(s.end, s.end, layer.default_country, None, (), None, "role", inferred=True)
        return None

    def _inadmissible(self, s: Actor, t: Actor, code: str, statement: bool, domain: str | None) -> str | None:
        """Why a coded dyad is not an event between political actors (None when it is)."""
        root = code[:2]
        # the side that `_protest_pair`/`_domestic_pair` fill in stands for the state or domestic
        # group of a domestic protest, coercion or violence (CAMEO X→X)
        filled = [a for a in (s, t) if a.inferred and not a.text and root in _SELF_ROOTS]
        pe = self._pol_entities
        # organisations with a country but no sector (parties, movements and agencies the entity layer
        # does not know) may carry an event, but cannot speak for a statement alone
        pe_org = pe | self._orgs
        if not (_political(s, pe_org) or _political(t, pe_org) or filled):
            return "no political actor on either side"
        if statement and not _political(s, pe):
            return "statement by a speaker who is not a political actor"
        named = all(_political(a, pe) and not a.inferred and a.kind != "coref" for a in (s, t))
        if domain and not named:
            return f"{domain} story: not coded without named political actors on both sides"
        if s.key == t.key:
            if statement and code not in _REACTION_CODES and (s.inferred or t.inferred or "coref" in (s.kind, t.kind)):
                return "self-directed statement with an inferred or resolved side"
            if root not in _SELF_ROOTS and t.kind in ("country", "capital") and \
                    set(s.sectors) & _POLITICAL_SECTORS and s.kind not in ("country", "capital"):
                return "a state organ acting on its own country is no event of this kind"
        return None

    def _last_two(self, layer: ActorLayer, before: int) -> Group | None:
        # the two countries the article has named most so far (ties: the more recent)
        count: dict[str, tuple[int, int, Actor]] = {}
        for n, a in enumerate(layer.actors):
            if a.end > before or a.kind in ("demonym", "role") or not a.country:
                continue
            c = count.get(a.country)
            count[a.country] = ((c[0] if c else 0) + 1, n, c[2] if c else a)
        top = sorted(count.values(), key=lambda v: (-v[0], -v[1]))[:2]
        return Group([v[2] for v in top], -1, -1) if len(top) == 2 else None

    def _previous_subject(self, si: int, layer: ActorLayer) -> Group | None:
        """A pronoun subject the coref layer left open continues the subject of the sentence before
        ("Im Konflikt gibt China an, … . Stattdessen verkauft sie …"): its first actor outside a
        prepositional phrase."""
        sents: list[Sentence] = self._doc.layers.get("sentences") or []
        if si == 0:
            return None
        prev = sents[si - 1]
        toks = prev.tokens
        starts = {t.start: i for i, t in enumerate(toks)}
        for a in layer.actors:
            if a.start < prev.start or a.kind in ("demonym", "people", "prefix"):
                continue
            if a.start >= prev.end:
                break
            i = starts.get(a.start)
            if i is None or self._prep(toks, i) is not None or not a.key:
                continue
            return Group([a], -1, -1)
        return None

    def _antecedent(self, layer: ActorLayer, before: int) -> Group | None:
        # A pronoun subject is read as the last named actor of the previous sentences (persons
        # and organisations first): a shallow stand-in for coreference.
        for a in reversed(layer.actors):
            if a.end <= before and a.kind in ("entity", "person", "org") and a.key:
                return Group([a], -1, -1)
        return None

    def _protest_pair(self, s: Actor | None, t: Actor | None, doc: Document, sent: Sentence, ctoks: list[Token],
                      layer: ActorLayer) -> tuple[Actor | None, Actor | None]:
        # Domestic protest: protesters of a country act against their own authorities (CAMEO codes
        # them X→X); without a named actor, the place of the protest names the country.
        if s is None:
            p = self._place(doc, sent, ctoks, layer)
            # without a place: the country protested in ("Proteste in Tunesien"), else the article's
            # country where the story is there
            country = p.country if p else (t.country if self._located(sent, t) else (
                layer.default_country if self._recent_place(sent, layer) == layer.default_country else None))
            if country:
                s = Actor(ctoks[0].start, ctoks[0].start, country, None, ("CVL",), None, "role", inferred=True)
        if s is not None and t is None and s.country and not self._abroad(s, doc, sent, ctoks, layer):
            # (after a filled-in source, at the clause end: the two sides are distinct mentions)
            at = ctoks[-1].end if s.inferred and not s.text else s.end
            t = Actor(at, at, s.country, None, ("GOV",), None, "role", inferred=True)
        return s, t

    def _abroad(self, s: Actor, doc: Document, sent: Sentence, ctoks: list[Token], layer: ActorLayer) -> bool:
        """Protesters of one country protesting in another (refugees, a diaspora): whether they address
        their own government or the host's, the text must say."""
        p = self._place(doc, sent, ctoks, layer)
        if p is not None and p.country:
            return p.country != s.country
        return any(a.country != s.country and self._located(sent, a) for a in layer.actors
                   if sent.start <= a.start < sent.end)

    def _attacked_country(self, s: Actor | None, doc: Document, sent: Sentence, ctoks: list[Token],
                          layer: ActorLayer) -> Actor | None:
        """An attack without a named target in another country than its source's ("verübte einen
        Anschlag in einer Moschee in Kolofata"): that country is attacked."""
        p = self._place(doc, sent, ctoks, layer)
        if s is None or p is None or not p.country or not s.country or p.country == s.country:
            return None
        return Actor(p.start, p.end, p.country, None, (), None, "capital", place=p.name, text=p.name)

    def _noun_attribute(self, toks: list[Token], g: Group) -> bool:
        """A "von" phrase right after a noun with its article ("um die Verteilung von 160.000 Flüchtlingen
        verhandelt") belongs to that noun; it is not the agent of the passive (a time before it, "am
        Freitag von der Polizei gestürmt", is no such noun)."""
        k = g.first - 1
        while k > 0 and toks[k].pos in ("NUM", "ADJ", "DET"):
            k -= 1  # the words between the preposition and the actor ("von über tausend ägyptischen …")
        if k < 2 or toks[k].pos != "ADP":
            return False
        noun = toks[k - 1]
        return noun.pos == "NOUN" and toks[k - 2].pos in ("DET", "ADJ") and \
            not any(x.start <= noun.start < x.end for x in self._doc.times)

    def _forum(self, inside: list[Group], ctoks: list[Token]) -> Actor | None:
        """The one organisation an impersonal symmetric act takes place in ("in der EU wird verhandelt")."""
        at = [g for g in inside if g.prep in self.loc_preps]
        if len(at) != 1 or len(at[0].members) != 1 or any(g.prep is None for g in inside):
            return None
        a = at[0].members[0]
        return a if a.org and a.key else None

    def _aimed_at(self, inside: list[Group], source_g: Group | None) -> Group | None:
        """The actor a use of force is aimed at, named with the preposition of a nominal act's target."""
        return next((g for g in inside if g is not source_g and g.prep in self.noun_target_preps), None)

    def _patient_owner(self, s: Actor | None, sent: Sentence, ctoks: list[Token], groups: list[Group],
                       layer: ActorLayer) -> Actor | None:
        """Whom a force against a thing hits: the owner the story gave that thing before ("Das
        Protestcamp wurde gestürmt" after "die Flüchtlinge hatten mit ihrem Protestcamp …" or "ein
        Protestcamp sudanesischer Flüchtlinge"), by a possessive pronoun or a genitive actor."""
        if s is None or not s.key:
            return None
        toks = sent.tokens
        taken = {i for g in groups for i in range(g.first, g.last + 1)}
        lo = next((i for i, t in enumerate(toks) if t.start == ctoks[0].start), 0)
        things = [toks[i] for i in range(max(lo, 1), lo + len(ctoks)) if toks[i].pos == "NOUN" and
                  len(toks[i].text) >= 4 and i not in taken and toks[i - 1].pos == "DET"]
        if not things:
            return None
        sents: list[Sentence] = self._doc.layers.get("sentences") or []
        k = next((n for n, x in enumerate(sents) if x.start == sent.start), 0)
        for prev in reversed(sents[:k]):
            ptoks = prev.tokens
            actors = [a for a in layer.actors if prev.start <= a.start < prev.end and a.key and a.kind != "coref"]
            for j, u in enumerate(ptoks):
                if u.pos != "NOUN" or not any(_same_thing(t.lemma, u.lemma) for t in things):
                    continue
                d = j - 1
                while d >= 0 and ptoks[d].pos == "ADJ":
                    d -= 1
                if d >= 0 and ptoks[d].text.casefold() in self.owner_pronouns:
                    owner = next((a for a in reversed(actors) if a.end <= ptoks[d].start), None)
                else:
                    nxt = ptoks[j + 1:j + 3]
                    at = nxt[1].start if nxt and nxt[0].text.casefold() in self.genitive_dets and len(nxt) > 1 else \
                        (nxt[0].start if nxt else -1)
                    owner = next((a for a in actors if a.start == at), None)
                if owner is not None and owner.key != s.key:
                    return Actor(owner.start, owner.end, owner.country, owner.org, owner.sectors, owner.entity,
                                 owner.kind, owner.place, True, owner.text)
        return None

    def _domestic_pair(self, s: Actor | None, t: Actor | None, doc: Document, sent: Sentence,
                       ctoks: list[Token], layer: ActorLayer) -> tuple[Actor | None, Actor | None]:
        # Coercion and violence inside one country ("Massenfestnahmen in Homs", "die Polizei
        # verhaftete ihn", "Schusswechsel zwischen Gruppen in Dili"): CAMEO codes them X→X. The
        # missing side is filled only where the known side's country (or, with no actor at all, the
        # place of the happening) is the article's own country.
        p = self._place(doc, sent, ctoks, layer)
        # (else a country named as where it happens: "die Proteste in Tunesien hielten trotz des verhängten
        # Ausnahmezustandes an")
        here = p.country if p else next((a.country for a in layer.actors if ctoks[0].start <= a.start < ctoks[-1].end
                                         and self._located(sent, a)), None)
        known = s or t
        if known is None and p is None and self._occurrence(ctoks):
            # "Am Dienstag kam es zu Massenfestnahmen in der Stadt": the story's place
            here = self._recent_place(sent, layer)
        home = {c for c in (here, layer.default_country) if c}
        if known is None:
            if not here or here != layer.default_country:
                return s, t
            a = Actor(ctoks[0].start, ctoks[0].start, here, None, (), None, "role", inferred=True)
            return a, Actor(ctoks[-1].end, ctoks[-1].end, here, None, (), None, "role", inferred=True)
        if (s is None) == (t is None) or not known.country or known.country not in home or known.org:
            return s, t
        other = Actor(known.end, known.end, known.country, None, (), None, "role", inferred=True)
        return (s, other) if t is None else (other, t)

    def _state_coercion(self, doc: Document, sent: Sentence, ctoks: list[Token],
                        layer: ActorLayer, story_country: bool = False,
                        place_decides: bool = True) -> tuple[Actor | None, Actor | None]:
        """An agentless arrest or charge with no actor named ("eleven men have been charged" in a trial
        in Saudi Arabia) is the state of the place acting on its people, also outside the article's
        own country: unlike violence, only authorities arrest and charge."""
        p = self._place(doc, sent, ctoks, layer)
        # a country named as the scene ("a trial is underway in Saudi Arabia") is an actor, not a place
        scene = [a.country for a in layer.actors if sent.start <= a.start < sent.end and self._located(sent, a)]
        country = p.country if p is not None and p.country else (scene[0] if len(set(scene)) == 1 else None)
        if country and not place_decides:
            return None, None
        if not country and story_country and not scene:
            country = layer.default_country
        if not country:
            return None, None
        # (the inquiring side is the state's authorities, a political actor even though unnamed)
        return (Actor(ctoks[0].start, ctoks[0].start, country, None, ("GOV",) if story_country else (), None, "role",
                      inferred=True),
                Actor(ctoks[-1].end, ctoks[-1].end, country, None, (), None, "role", inferred=True))

    def _located(self, sent: Sentence, a: Actor | None) -> bool:
        """`a` is a country named as where something happens ("in Tunesien")."""
        if a is None or not a.country or a.kind not in ("country", "capital"):
            return False
        i = next((k for k, t in enumerate(sent.tokens) if t.start == a.start), None)
        return i is not None and self._prep(sent.tokens, i) in self.loc_preps | self.host_preps

    def _occurrence(self, ctoks: list[Token]) -> bool:
        """An impersonal report that something happened ("es kam zu …", "es gab …")."""
        return any(t.text.casefold() in self.occurrence_subject for t in ctoks) and \
            any(t.lemma.casefold() in self.occurrence_verbs for t in ctoks)

    def _recent_place(self, sent: Sentence, layer: ActorLayer) -> str | None:
        """The country of the place the story is at, for a sentence that names no actor ("Am Dienstag
        kam es zu Massenfestnahmen in der Stadt" after a sentence on Homs): the last place named in
        the sentence, else in the two sentences before."""
        sents: list[Sentence] = self._doc.layers.get("sentences") or []
        k = next((n for n, x in enumerate(sents) if x.start == sent.start), 0)
        lo = sents[max(0, k - 2)].start if k > 0 else sent.start
        # places, and countries and capitals the actor layer found ("in der Hauptstadt Dili")
        named = sorted([(pl.start, pl.country) for pl in layer.places if pl.country] +
                       [(a.start, a.country) for a in layer.actors if a.kind in ("country", "capital") and a.country
                        and a.text and a.text[:1].isupper()])
        inside = [c for at, c in named if sent.start <= at < sent.end]
        prior = inside or [c for at, c in named if lo <= at < sent.start]
        return prior[-1] if prior else None

    def _in_direct_quote(self, doc: Document, pos: int) -> bool:
        # a direct quotation of the quotes layer can run over several sentences
        return any(q.kind == "direct" and q.start <= pos < q.end for q in doc.quotes or ())

    def _participle_agent(self, toks: list[Token], ti: int, inside: list[Group]) -> Group | None:
        """The agent phrase right before a participle that modifies a noun ("die von X angekündigten
        Gespräche", "the sanctions imposed by X" has it after, and is not handled here)."""
        t = toks[ti]
        if ti + 1 >= len(toks) or toks[ti + 1].pos not in ("NOUN", "ADJ") or t.text.casefold() == t.lemma.casefold() \
                or not t.text[:1].islower():
            return None
        return next((g for g in inside if g.last == ti - 1 and g.prep in self.agent_preps), None)

    def _attributive(self, toks: list[Token], ti: int) -> bool:
        # an English participle before its noun ("alleged police violence", "the accused men") names
        # no act of its own
        if not self.attributive_suffixes or ti + 1 >= len(toks):
            return False
        t, nxt = toks[ti], toks[ti + 1]
        prev = toks[ti - 1] if ti > 0 else None
        if prev is not None and (prev.text.casefold() in self.relative or
                                 ((prev.text == "," or prev.pos == "CCONJ") and nxt.pos == "PROPN")):
            return False  # "…, which condemned Russia", "Poland, angered by the vote, condemned Hungary"
        if self.gerund and t.text.endswith(self.gerund) and nxt.pos in ("NOUN", "ADJ") and prev is not None and \
                prev.pos in ("DET", "NUM"):
            return True  # "two surrounding areas", "the ruling party": a present participle as an adjective
        return t.text.endswith(self.attributive_suffixes) and nxt.pos in ("NOUN", "PROPN", "ADJ") and \
            (prev is None or prev.pos in ("DET", "ADP", "ADJ", "CCONJ", "PUNCT"))

    def _topic_gerund(self, toks: list[Token], ti: int) -> bool:
        # "efforts on leaving the EU", "talks about joining NATO": what a preposition other than a time
        # adjunct or an agent ("after meeting X", "by shooting") governs is talked about, not done
        t = toks[ti]
        if not self.gerund or not t.text.casefold().endswith(self.gerund) or ti == 0 or toks[ti - 1].pos != "ADP":
            return False
        prep = toks[ti - 1].text.casefold()
        return prep not in self.adjunct_preps and prep not in self.agent_preps

    def _quoted(self, toks: list[Token], ti: int) -> bool:
        # an odd number of quotation marks before the trigger and at least one after it
        before = sum(1 for t in toks[:ti] if t.text in QUOTE_MARKS)
        if before % 2 == 0:
            opening = sum(1 for t in toks[:ti] if t.text in self.opening_marks) - \
                sum(1 for t in toks[:ti] if t.text in self.closing_marks)
            if opening <= 0:
                return False
        return any(t.text in QUOTE_MARKS for t in toks[ti + 1:])

    def _has_support(self, ctoks: list[Token]) -> bool:
        return any(t.pos in ("VERB", "AUX", "ADJ") and (t.lemma in self.support or t.lemma.casefold() in self.support)
                   for t in ctoks)

    def _thanked_for(self, toks: list[Token], ti: int, ctoks: list[Token],
                     inside: list[Group]) -> tuple[Group, Group] | None:
        """Giver and receiver of a transfer someone gives thanks for ("bedankte sich bei China für die
        Lieferung von Reis"): the one thanked gave, the one thanking received."""
        if self._prep(toks, ti) not in self.thanked_for or not any(
                t.lemma.casefold() in self.thank_verbs for t in ctoks):
            return None
        giver = next((g for g in inside if g.prep in self.thanked_preps and g.last < ti), None)
        receiver = next((g for g in inside if g.prep is None and g.last < ti), None)
        if giver is None or receiver is None or set(giver.keys) & set(receiver.keys):
            return None
        return giver, receiver

    def _noun_roles(self, toks: list[Token], ti: int, inside: list[Group]) -> tuple[Group | None, Group | None]:
        """Roles of a nominalisation from its own phrase: possessor/genitive/compound/"von" → source,
        "gegen/an/mit" → target."""
        source = target = None
        for g in inside:
            if g.last < ti and ti - g.last <= 3 and g.prep is None and \
                    not any(t.pos in ("VERB", "AUX", "ADP", "ADV") for t in toks[g.last + 1:ti]):
                source = g  # "Chinas Besuch", "US-Sanktionen", "the UN's report" (not "X hat die Angriffe")
            elif g.first > ti and g.first - ti <= 3 and (g.prep is None or g.prep in self.agent_preps
                                                          or g.prep in self.possessor_preps):
                if source is None:
                    source = g  # "der Besuch Putins", "der Besuch von Putin"
            elif g.first > ti and g.prep in (self.target_preps | self.partner_preps | self.host_preps |
                                             self.noun_target_preps):
                if target is None:
                    target = g
        if source is None:
            own = next((g for g in inside if g.first <= ti <= g.last), None)
            source = own
        # "die Festnahme von 15 Soldaten durch die Marine", "the arrest of X by Y": the agent is the
        # source, the "von/of" phrase what was done to
        agent = next((g for g in inside if g.first > ti and g.prep in self.noun_agent_preps), None)
        if agent is not None and agent is not source:
            if target is None and source is not None and source.first > ti:
                target = source
            source = agent
        return source, target

    def _reported(self, sent: Sentence, cue: Token, frame: tuple[int, int]) -> tuple[int, int]:
        """The character span of what the speech verb `cue` reports: the quotes layer's span of the
        statement it attributes, else the rest of the sentence after the attributing clause (`frame`, its
        span): a clause fronted before it is narrated ("Nachdem X angegriffen hatte, sagte Y, …"); only
        a frame that ends the sentence follows what it reports ("X attacked Y, the minister said"), unless
        that is an adverbial clause ("After X attacked Y, the minister commented")."""
        # (the quote's cue lists its words, "wie … mitteilte"; the nearest quote with the verb among them)
        quotes = [q for q in self._doc.quotes or () if q.cue and q.start < sent.end and sent.start < q.end
                  and cue.text.casefold() in q.cue.casefold().split()]
        q = min(quotes, key=lambda q: q.start - cue.end if cue.end <= q.start else cue.start - q.end, default=None)
        if q is not None:
            return q.start, q.end
        if any(t.start >= frame[1] and t.pos != "PUNCT" for t in sent.tokens):
            return frame[1], sent.end
        lead = next((t for t in sent.tokens if t.pos != "PUNCT"), None)
        if lead is None or lead.text.casefold() in self.adverbial_conj:
            return frame[0], frame[0]
        return sent.start, frame[0]

    def _negated(self, toks: list[Token]) -> bool:
        """Whether `toks` hold a negation (not one of "nicht nur", "not only"; nor a preposition, which
        negates only its phrase: "said, without giving details, that …" still says it)."""
        return any((t.text.casefold() in self.neg or t.lemma.casefold() in self.neg) and t.pos != "ADP" and
                   (toks[k + 1].text.casefold() if k + 1 < len(toks) else "") not in self.neg_not_before
                   for k, t in enumerate(toks))

    def _spoken_about(self, groups: list[Group], clauses: list[Clause], ci: int,
                      source: Group | None) -> Group | None:
        """The one actor a statement is about: outside the speech clause, another country first."""
        skey = set(source.keys) if source else set()
        said = [g for g in groups if g is not source and not (clauses[ci].start <= g.first < clauses[ci].end)]
        # what was said is about its subject: actors outside prepositional phrases first
        said = [g for g in said if g.prep not in self.agent_preps]  # passive agents inside what was said
        said.sort(key=lambda g: g.prep is not None)
        other = next((g for g in said if not set(g.keys) <= skey), None)
        pick = other or (said[0] if said else None)
        if pick is None:
            return None
        m = next((a for a in pick.members if a.key not in skey), pick.members[0])
        return Group([m], pick.first, pick.last, pick.prep)

    def _content_words(self, toks: list[Token], clauses: list[Clause], ci: int) -> set[str]:
        words: set[str] = set()
        for k, cl in enumerate(clauses):
            for t in toks[cl.start:cl.end]:
                words.add(t.lemma)
                words.add(t.text)
        return {w.casefold() for w in words} if self.lex.casefold else words

    def _passive(self, ctoks: list[Token], ti: int, participle: bool = False) -> bool:
        """Whether the trigger `ctoks[ti]` is passive in its clause (lagebild.extract.passive)."""
        return self.voice.in_clause(ctoks, ti, participle)

    def _modality(self, sent: Sentence, clauses: list[Clause], ci: int, ti: int, participle: bool = False) -> str:
        toks = sent.tokens
        cl = clauses[ci]
        ctoks = toks[cl.start:cl.end]
        trig = ctoks[ti]
        # a participle read as an adverb keeps its form as lemma; it is no infinitive all the same
        infinitive_form = trig.text == trig.lemma and not participle
        last = next((t for t in reversed(toks) if t.pos != "PUNCT" or t.text == "?"), None)
        if last is not None and last.text == "?":
            return "hypothetical"  # a question ("what position do you hold?") asks, it asserts nothing
        fixed = {k + n for k in range(len(ctoks) - 1) for n in (0, 1)
                 if f"{ctoks[k].text.casefold()} {ctoks[k + 1].text.casefold()}" in self.modal_idioms}
        backshift: str | None = None  # a Konjunktiv II ("hätten", "would") that only marks reported speech
        for k, t in enumerate(ctoks):
            low = t.text.casefold()
            if k in fixed:
                continue  # "thousands if not tens of thousands": neither a condition nor a negation
            if low in self.neg or t.lemma.casefold() in self.neg:
                nxt = ctoks[k + 1].text.casefold() if k + 1 < len(ctoks) else ""
                if nxt not in self.neg_not_before:
                    return "negated"
            if (low in self.hypo or t.lemma.casefold() in self.hypo) and k != ti and \
                    not (t.text[:1].isupper() and cl.start + k > 0):  # ("Theresa May")
                if backshift is None and self._backshifted(sent, ctoks, k, trig, infinitive_form):
                    backshift = low
                    continue
                return "hypothetical"
        if (backshift in self.reported_future or
            any(t.text.casefold() in self.future_aux or (t.lemma in self.future_aux and t.text.casefold() in
                                                          self.future_aux_forms) for t in ctoks)) \
                and (infinitive_form or not self.future_needs_infinitive):
            return "future"
        if any(t.text.casefold() in self.purpose for t in ctoks[:ti]) and \
                (any(t.text.casefold() in self.infinitive_markers for t in ctoks[max(0, ti - 2):ti]) or
                 self._infinitive(toks, cl.start + ti)):
            return "future"  # a purpose clause ("um … zu kämpfen", "in order to"): intended, not done
        # (a nominal act is planned by the verb that governs it, often at the clause end: "soll einen
        # Anschlag geplant haben")
        plan_ctx = ctoks[:ti] + (ctoks[ti + 1:] if trig.pos in ("NOUN", "PROPN") else [])
        if ci > 0:
            prev = clauses[ci - 1]
            plan_ctx = toks[prev.start:prev.end] + plan_ctx
        plans = [t for t in plan_ctx if (t.lemma in self.plan or t.lemma.casefold() in self.plan) and t is not trig]
        if self._perfect_infinitive(ctoks):
            # "soll … gekommen sein" reports; "soll einen Anschlag geplant haben" still plans
            plans = [t for t in plans if t.lemma.casefold() not in self.report and t.text.casefold() not in self.report]
        if plans:
            # (a preposition "zu/to" before a noun trigger is no infinitive marker: "zu einer Demonstration")
            if any(t.text.casefold() in self.infinitive_markers and t.pos != "ADP"
                   for t in ctoks[max(0, ti - 2):ti + 1]) or \
                    self._infinitive(toks, cl.start + ti) or \
                    any(t.lemma in self.intent_verbs for t in ctoks[:ti]) or \
                    (trig.pos in ("NOUN", "PROPN") and any(t in plans for t in ctoks[ti + 1:])):
                return "future"
        if backshift is not None or \
                any(t.text.casefold() in self.report or t.lemma.casefold() in self.report for t in toks) or \
                any(q.kind != "direct" and q.start <= trig.start < q.end for q in self._doc.quotes or ()) or \
                self._report_relative(toks, cl):
            # (inside someone's indirect statement the act is theirs to claim: "X sagte, Iran liefere …";
            # so is what a report says: "ein Bericht, demzufolge Iran … liefert")
            return "reported"
        return "asserted"

    def _backshifted(self, sent: Sentence, ctoks: list[Token], k: int, trig: Token, infinitive: bool) -> bool:
        """Whether the Konjunktiv II `ctoks[k]` stands in for the mood of reported speech ("X sagte, die
        Behörden hätten … festgenommen", "said it would deepen …"): it and the trigger lie in an indirect
        quote of the quotes layer, outside its quoted words, and nothing makes it a genuine hypothetical
        (a condition, a counterfactual, a wish, "hätte … können", "would have …")."""
        form = ctoks[k]
        if form.text.casefold() not in self.reported_past | self.reported_future:
            return False
        # the form must be the auxiliary of the trigger's own verb form ("hätten … festgenommen", "würden …
        # vertiefen"), not of another verb of the clause ("… getötet worden seien und … vermisst würden");
        # a nominal act needs the verb that governs it ("hätten Gespräche geführt", not "hätten einen Vertrag")
        infinitives = [t.text.casefold() == t.lemma.casefold() for t in ctoks[k + 1:] if t.pos == "VERB"] \
            if trig.pos in ("NOUN", "PROPN") else [infinitive]
        past = form.text.casefold() in self.reported_past
        if not any(inf != past for inf in infinitives):
            return False
        quote = next((q for q in self._doc.quotes or () if q.kind != "direct"
                      and q.start <= form.start < q.end and q.start <= trig.start < q.end), None)
        if quote is None or sum(1 for t in sent.tokens if quote.start <= t.start < form.start
                                and t.text in QUOTE_MARKS) % 2:
            return False  # outside a report, or in the speaker's own quoted words
        words = {w for t in sent.tokens for w in (t.text.casefold(), t.lemma.casefold())}
        words |= {p.text.casefold() + t.lemma.casefold() for p in sent.tokens if p.text.casefold() in self.particles
                  for t in sent.tokens if t.pos == "VERB"}  # ("geht davon aus": "ausgehen")
        if words & self.counterfactual_words or any(t.lemma.casefold() in self.counterfactual_modals for t in ctoks
                                                    if t is not form):
            return False
        nxt = next((t for t in ctoks[k + 1:] if t.pos != "ADV"), None)
        return nxt is None or nxt.text.casefold() not in self.counterfactual_aux

    def _perfect_infinitive(self, ctoks: list[Token]) -> bool:
        """A perfect infinitive ("soll … gekommen sein", "soll … angegriffen haben"): with "sollen" it
        reports a past happening, it plans nothing."""
        return any(self.voice.perfect_infinitive(ctoks[k], ctoks[k - 1]) for k in range(1, len(ctoks)))

    # ------------------------------------------------------------ when, where

    def _date(self, doc: Document, sent: Sentence, clauses: list[Clause], ctoks: list[Token],
              trig: Token) -> str | None:
        best: tuple[int, int, str] | None = None
        toks = sent.tokens
        # character spans of the sentence's clauses that have a verb of their own
        verbal = [(toks[c.start].start, toks[c.end - 1].end) for c in clauses
                  if any(t.pos in ("VERB", "AUX") for t in toks[c.start:c.end])]
        for t in doc.times:
            if t.type not in ("DATE", "TIME") or not t.value or not _DATE_VALUE.match(t.value):
                continue
            if not (sent.start <= t.start < sent.end):
                continue
            if self._in_direct_quote(doc, t.start) and not self._in_direct_quote(doc, trig.start):
                continue  # a date in a quotation belongs to what was said
            in_clause = ctoks[0].start <= t.start < ctoks[-1].end
            dist = abs(t.start - trig.start)
            # outside the trigger's clause, a date of another verb ("the election to be held on August 9")
            # yields to one that stands alone ("On Thursday, …")
            other = any(a <= t.start < b for a, b in verbal)
            key = (0 if in_clause else (2 if other else 1), dist, t.value)
            if best is None or key < best:
                best = key
        if best is not None:
            return best[2].split("T", 1)[0]
        # no time expression in the sentence: a present-tense news statement ("sagt", "says",
        # "fordert") happened on the publication day; otherwise the previous sentence's date, if it
        # names one day or month (narratives keep their time frame)
        if doc.published and self._present(ctoks, trig):
            return doc.published[:10]
        sentences: list[Sentence] = doc.layers.get("sentences") or []
        prev = next((s for s in reversed(sentences) if s.end <= sent.start), None)
        if prev is None:
            return None
        vals = [t.value for t in doc.times if t.type == "DATE" and t.value and prev.start <= t.start < prev.end
                and re.match(r"^\d{4}-\d\d(-\d\d)?$", t.value)]
        return vals[-1] if len(set(vals)) == 1 else None

    def _present(self, ctoks: list[Token], trig: Token) -> bool:
        """A finite present-tense trigger verb without a perfect or passive auxiliary."""
        if trig.pos != "VERB" or any(t.lemma.casefold() in self.tense_aux for t in ctoks if t is not trig):
            return False
        low, lemma = trig.text.casefold(), trig.lemma.casefold()
        ending = next((e for e in self.present_endings if low.endswith(e)), None)
        if low == lemma or ending is None or low.endswith(self.present_not_endings) or \
                low.startswith(self.lex.participle_prefixes):
            return False
        return not (self.past_stem_ending and lemma.startswith(low[:-len(ending)] + self.past_stem_ending))

    def _place(self, doc: Document, sent: Sentence, ctoks: list[Token], layer: ActorLayer,
               host: bool = False) -> PlaceMention | None:
        preps = self.host_preps if host else self.loc_preps
        toks = sent.tokens
        starts = {t.start: i for i, t in enumerate(toks)}
        best = None
        for p in layer.places:
            if not (sent.start <= p.start < sent.end):
                continue
            i = starts.get(p.start)
            if i is None:
                continue
            prep = self._prep(toks, i)
            if prep not in preps:
                continue
            in_clause = ctoks[0].start <= p.start < ctoks[-1].end
            if host and not in_clause:
                continue
            key = (0 if in_clause else 1, 0 if p.feature != "country" else 1)
            if best is None or key < best[0]:
                best = (key, p)
        return best[1] if best else None


def _same_thing(a: str, b: str) -> bool:
    """Two nouns naming the same thing, also a compound and its head ("Protestcamp", "Camp")."""
    a, b = a.casefold(), b.casefold()
    return a == b or (len(b) >= 4 and a.endswith(b)) or (len(a) >= 4 and b.endswith(a))


def _political(a: Actor | None, entities: frozenset[str] = frozenset()) -> bool:
    """A state (country or capital named for its government), an IGO, a state organ, party or armed
    group, or a named domestic group (protesters, unions); not a private person, company or medium.
    `entities`: entity ids known to be political in this article (apposition)."""
    if a is None or not a.key:
        return False
    if a.entity and a.entity in entities:
        return True
    if a.org or (a.kind in ("country", "capital") and a.text):
        return True
    if set(a.sectors) & _POLITICAL_SECTORS:
        return True
    return a.kind == "role" and bool(a.text) and bool(set(a.sectors) & _GROUP_SECTORS)


def _media_or_business(a: Actor) -> bool:
    """Whether `a` is only a medium or a company ("laut BBC"), whatever else makes it political."""
    return bool(a.sectors) and set(a.sectors) <= _TRADE_SECTORS


def _confidence(kind: str, s: Actor | None, t: Actor | None) -> float:
    """Evidence-based confidence: the trigger's base less a penalty per inferred (country taken from
    the article or filled in), pronoun-resolved or non-political named side."""
    c = _BASE_CONFIDENCE[kind]
    for a in (s, t):
        if a is None:
            continue
        if a.inferred:
            c -= _PENALTY["inferred"]
        elif a.kind == "coref":
            c -= _PENALTY["coref"]
        if a.text and not a.inferred and not _political(a):
            c -= _PENALTY["nonpolitical"]
    return round(max(c, 0.0), 2)


def _with_country(role: Actor, other: Actor, keep_entity: bool = False) -> Actor:
    sectors = tuple(dict.fromkeys(role.sectors + other.sectors))
    return Actor(min(role.start, other.start), max(role.end, other.end), other.country, other.org, sectors,
                 other.entity if keep_entity else (role.entity or other.entity), "entity" if other.entity else "role",
                 other.place, False, f"{role.text} {other.text}")


def _side(a: Actor | None) -> EventActor | None:
    if a is None:
        return None
    return EventActor(entity=a.entity, country=a.country, org=a.org if not a.country else a.org,
                      sectors=list(a.sectors), code=a.code)


def _merge(doc: Document, found: list[_Found]) -> list[Event]:
    """One event per (source, code, target, date); symmetric dyads in a stable order."""
    by_key: dict[tuple[Any, ...], _Found] = {}
    for f in found:
        s, t = f.source, f.target
        if f.sym and s and t and (t.key or "") < (s.key or ""):
            s, t = t, s
            f.source, f.target = s, t
        key = (s.key if s else None, f.code, t.key if t else None, f.date)
        if key in by_key:
            prev = by_key[key]
            if f.evidence != prev.evidence and f.evidence not in prev.extra:
                prev.extra.append(f.evidence)
            prev.confidence = min(0.95, round(prev.confidence + 0.05, 2))
            continue
        by_key[key] = f
    events: list[Event] = []
    kept = [f for f in by_key.values() if f.confidence >= MIN_CONFIDENCE]
    for n, f in enumerate(kept, 1):
        row = cameo.lookup(f.code)
        s, e = f.evidence
        if e - s > _MAX_EVIDENCE:
            e = s + _MAX_EVIDENCE
        ev = Event(
            id=f"v{n}", source=_side(f.source), target=_side(f.target), cameo=f.code, root=f.code[:2],
            goldstein=row.goldstein if row else None, quad=row.quad if row else None,
            plover=Plover(type=row.plover_type, mode=row.plover_mode, context=list(row.plover_context)) if row else None,
            date=f.date, place=f.place, modality=f.modality,  # type: ignore[arg-type]
            evidence=doc.span(s, e), confidence=f.confidence, rule=f.rule,
        )
        if f.extra:
            ev.evidence_more = [doc.span(a, b).model_dump() for a, b in f.extra]  # type: ignore[attr-defined]
        if f.sym:
            ev.symmetric = True  # type: ignore[attr-defined]
        events.append(ev)
    return events


def make_event_coder(lang: str) -> EventCoder:
    """Stage factory for STAGES: ``"lagebild.extract.events:make_event_coder"``."""
    return EventCoder(lang)
