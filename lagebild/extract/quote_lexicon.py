"""The speech lexicon of one language (``lang/<xx>/speech.yaml``) in the shape the quote rules ask.

Everything language-specific the quote stage knows lives in that file, except what it shares with
the coref stage (determiners, role and organisation nouns: ``lang/<xx>/coref.yaml``), the event stage
(the infinitive's markers, the participle's prefixes: ``lang/<xx>/events.yaml``) or the passive
reader (``lang/<xx>/passive.yaml``): one source for both. This module only turns its lists into sets
and parsed patterns. Who a pronoun or a definite description stands for is the coref stage's answer
(``doc.layers["coref"]``), not the quote stage's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lagebild import lang as langdata
from lagebild.extract.coref import load_coref_lexicon


@dataclass(frozen=True)
class SourcePattern:
    """A source phrase like "laut {X}": literal words, the source slot X and a speech-verb slot V."""

    rule: str
    items: tuple[str, ...]  # lowercase words, "{X}", "{V}" or ","
    cue: str  # the literal word that is the cue, or "{V}"
    source_from: int  # how many literal words after the cue belong to the source ("Angaben")
    via: bool


@dataclass(frozen=True)
class SpeechLexicon:
    lang: str
    pairs: list[list[str]]
    speech: frozenset[str]
    cognition: frozenset[str]
    particles: frozenset[str]
    particle_verbs: dict[str, frozenset[str]]
    complementizers: frozenset[str]
    not_message_openers: frozenset[str]
    subjunctive: frozenset[str]
    subjunctive_ii: frozenset[str]
    subjunctive_ii_continuing: frozenset[str]
    subjunctive_suffix: str | None
    # Indicative modal forms that report hearsay or a reported plan ("Er soll … haben"): they carry
    # a statement on into the next sentence as the Konjunktiv does.
    reportative_modals: frozenset[str]
    first_person: frozenset[str]
    postposed_cues: frozenset[str]
    colon_cues: frozenset[str]
    source_patterns: list[SourcePattern]
    definite: frozenset[str]
    indefinite: frozenset[str]
    role_nouns: tuple[str, ...]
    spokesperson_nouns: tuple[str, ...]
    addressee_determiners: frozenset[str]
    addressee_prepositions: frozenset[str]
    addressee_object_verbs: frozenset[str]
    verbs: frozenset[str] = field(default=frozenset())
    # Nouns for organisations ("die Partei", "the ministry"; from coref.yaml).
    org_nouns: tuple[str, ...] = ()
    # Coordinators after which a speech verb shares the subject before them ("... und betonte").
    coordinators: frozenset[str] = field(default=frozenset())
    # Relative words that open a clause on the whole clause before them ("…, was X bestreitet"):
    # after a reported clause, in the indicative, the writer's comment.
    sentential_relatives: frozenset[str] = field(default=frozenset())
    # The prefixes of past participles ("ge" in "gesagt", "angegeben"; events.yaml
    # `participle_prefixes`): a participle phrase frames no clause after it. Empty where there is none.
    participle_prefixes: tuple[str, ...] = ()
    # Nouns that make a phrase a source ("nach Polizeiangaben", "nach Ansicht von X"): the `{N}`
    # slot of source phrases, matched as the end of a compound.
    source_nouns: tuple[str, ...] = ()
    # Nouns for groups of people who speak as one ("Experten", "Kritiker", "die Medien"); endings,
    # like the role nouns, so compounds count ("Sicherheitsexperten").
    group_nouns: tuple[str, ...] = ()
    # Pronouns that pick one out of the genitive phrase after them ("Einer der Ärzte sagte").
    partitive_pronouns: frozenset[str] = field(default=frozenset())
    # Speech verbs that report a statement as their plain object ("Die Stadt fordert die Rückgabe",
    # "sprach von einem Erfolg"): lemma (particle first) → prepositions one of which must follow
    # the verb in its clause (empty: any object will do).
    reported_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    # Prepositions whose object names the source when the subject is the expletive ("aus Peking
    # heißt es").
    source_prepositions: frozenset[str] = field(default=frozenset())
    # Prepositions of the agent of a passive speech verb ("wurde von X kritisiert", "was criticised by X").
    agent_prepositions: frozenset[str] = field(default=frozenset())
    # Verbs whose passive agent passes the words on and whose subject said them ("X wird von der
    # Agentur Y zitiert": X speaks, Y only reports).
    quoting_verbs: frozenset[str] = field(default=frozenset())
    # Prefixes besides the verb particles that derive a word rather than compound one ("Voraussicht").
    derived_prefixes: frozenset[str] = field(default=frozenset())
    # Nouns that report a statement when a complement clause follows ("kam zu dem Ergebnis, dass …").
    cue_nouns: frozenset[str] = field(default=frozenset())
    # Particles that leave a speech verb a speech verb ("sagte er weiter", "hieß es weiter").
    continuing_particles: frozenset[str] = field(default=frozenset())
    # The words before an infinitive ("promised to …", "kündigte an, die Preise zu erhöhen") and the
    # marker inside a separable verb's infinitive ("vorzuschlagen"): events.yaml
    # `infinitive_markers` and `infinitive_infixes`, one source for both stages.
    infinitive_markers: frozenset[str] = field(default=frozenset())
    infinitive_infixes: frozenset[str] = field(default=frozenset())
    # Demonstratives that open a frame sentence reporting the sentence before ("Das meldete X.").
    anaphoric_objects: frozenset[str] = field(default=frozenset())
    # Parts of the speech predicate besides verb and particle: reflexives ("äußerte sich"),
    # pronominal adverbs ("geht davon aus") and the verbs whose expletive belongs to them ("heißt es").
    reflexives: frozenset[str] = field(default=frozenset())
    cue_adverbs: frozenset[str] = field(default=frozenset())
    impersonal_verbs: frozenset[str] = field(default=frozenset())
    # Prepositions whose phrase after a source noun tells which one it is, with their kind:
    # "place" ones ("in Berlin") only with a named object and not after a person's name.
    source_attachments: dict[str, str] = field(default_factory=dict)
    # Case marks for finding the subject of a frame whose verb stands second: pronouns that are
    # only nominative, articles that are never nominative, words that govern the phrase after them.
    nominative_pronouns: frozenset[str] = field(default=frozenset())
    # Role noun ending → the word for the office it heads ("minister" → "ministerium"), so that a
    # minister no one names speaks for the ministry named in the text.
    role_offices: dict[str, str] = field(default_factory=dict)
    # Adjectives of stance that frame the complement clause after them ("zeigte sich besorgt, dass …").
    stance_adjectives: frozenset[str] = field(default=frozenset())
    oblique_determiners: frozenset[str] = field(default=frozenset())
    # Speech predicates of a verb and words of its clause ("brachte … zum Ausdruck"): verb lemma →
    # phrases, each a sequence of parts (words next to each other; "{A}" an adjective), parts in order.
    cue_phrases: dict[str, tuple[tuple[tuple[str, ...], ...], ...]] = field(default_factory=dict)
    # Of those, the ones whose clause is their subject and that name no speaker ("wurde bekannt"):
    # verb lemma → the words that make them so.
    impersonal_cue_phrases: dict[str, frozenset[str]] = field(default_factory=dict)
    # Articles of a genitive phrase after a noun ("die Forderung des Ministers"): who the statement is from.
    genitive_determiners: frozenset[str] = field(default=frozenset())
    # Participles of a speech verb that give a name rather than report ("X, genannt Y"): word starts.
    naming_participles: tuple[str, ...] = ()
    # Demonstratives that stand alone for a speaker named before ("Dieser bestätigte, dass …").
    demonstratives: frozenset[str] = field(default=frozenset())
    governing_markers: frozenset[str] = field(default=frozenset())

    def is_role_noun(self, word: str) -> bool:
        """A noun naming an office; German compounds count by their last part (Außenminister)."""
        w = word.lower()
        return any(w.endswith(r) for r in self.role_nouns)

    def is_org_noun(self, word: str) -> bool:
        w = word.lower()
        return any(w.endswith(r) for r in self.org_nouns)

    def is_source_noun(self, word: str) -> bool:
        # A verb particle before the ending makes a derived word, no compound: "Voraussicht",
        # "Absicht" and "Rücksicht" name no view of anyone, "Regierungssicht" does.
        w = word.lower()
        return any(w.endswith(r) and w[: len(w) - len(r)] not in self.particles | self.derived_prefixes
                   for r in self.source_nouns)

    def is_group_noun(self, word: str) -> bool:
        w = word.lower()
        return any(w.endswith(r) for r in self.group_nouns)

    def is_spokesperson(self, word: str) -> bool:
        w = word.lower()
        return any(w.endswith(r) for r in self.spokesperson_nouns)


def _low(items: Any) -> frozenset[str]:
    return frozenset(str(x).lower() for x in (items or []))


def _pattern(entry: dict[str, Any]) -> SourcePattern:
    items = tuple(w if w.startswith("{") else w.lower() for w in str(entry["pattern"]).split())
    return SourcePattern(
        rule=str(entry["rule"]),
        items=items,
        cue=str(entry.get("cue", items[0])).lower(),
        source_from=int(entry.get("source_from", 0)),
        via=bool(entry.get("via", False)),
    )


def _cue_phrase(text: str) -> tuple[tuple[str, ...], ...]:
    """ "zur Sprache … auf" → (("zur", "sprache"), ("auf",)): parts split at "…", words lowercase but slots."""
    return tuple(tuple(w if w.startswith("{") else w.lower() for w in part.split()) for part in text.split("…") if part.strip())


def load_lexicon(lang: str) -> SpeechLexicon:
    """The speech lexicon of `lang` (FileNotFoundError when the language has no speech.yaml)."""
    cfg: dict[str, Any] = langdata.load(lang, "speech")
    coref = load_coref_lexicon(lang)
    events: dict[str, Any] = langdata.load(lang, "events").get("cues") or {}
    verbs = cfg.get("verbs", {})
    speech = _low(verbs.get("speech"))
    cognition = _low(verbs.get("cognition"))
    pv = {str(k).lower(): _low(v) for k, v in (cfg.get("particle_verbs") or {}).items()}
    return SpeechLexicon(
        lang=lang,
        pairs=[list(p) for p in cfg.get("quote_pairs", [])],
        speech=speech,
        cognition=cognition,
        particles=_low(cfg.get("particles")),
        particle_verbs=pv,
        complementizers=_low(cfg.get("complementizers")),
        not_message_openers=_low(cfg.get("not_message_openers")),
        subjunctive=_low(cfg.get("subjunctive")),
        subjunctive_ii=_low(cfg.get("subjunctive_ii")),
        subjunctive_ii_continuing=_low(cfg.get("subjunctive_ii_continuing")),
        subjunctive_suffix=cfg.get("subjunctive_suffix"),
        reportative_modals=_low(cfg.get("reportative_modals")),
        first_person=_low(cfg.get("first_person")),
        postposed_cues=_low(cfg.get("postposed_cues")),
        colon_cues=_low(cfg.get("colon_cues")),
        source_patterns=[_pattern(e) for e in cfg.get("source_phrases", [])],
        definite=coref.definite,
        indefinite=coref.indefinite,
        role_nouns=tuple(sorted(coref.role_nouns)),
        spokesperson_nouns=tuple(sorted(_low(cfg.get("spokesperson_nouns")))),
        addressee_determiners=_low(cfg.get("addressee_determiners")),
        addressee_prepositions=_low(cfg.get("addressee_prepositions")),
        addressee_object_verbs=_low(cfg.get("addressee_object_verbs")),
        verbs=speech | cognition,
        org_nouns=tuple(sorted(coref.org_nouns)),
        coordinators=_low(cfg.get("coordinators")),
        sentential_relatives=_low(cfg.get("sentential_relatives")),
        participle_prefixes=tuple(sorted(_low(events.get("participle_prefixes")))),
        source_nouns=tuple(sorted(_low(cfg.get("source_nouns")))),
        group_nouns=tuple(sorted(_low(cfg.get("group_nouns")))),
        partitive_pronouns=_low(cfg.get("partitive_pronouns")),
        reported_verbs={str(k).lower(): _low(v) for k, v in (cfg.get("reported_verbs") or {}).items()},
        source_prepositions=_low(cfg.get("source_prepositions")),
        agent_prepositions=_low(cfg.get("agent_prepositions")),
        quoting_verbs=_low(cfg.get("quoting_verbs")),
        derived_prefixes=_low(cfg.get("derived_prefixes")),
        cue_nouns=_low(cfg.get("cue_nouns")),
        continuing_particles=_low(cfg.get("continuing_particles")),
        infinitive_markers=_low(events.get("infinitive_markers")),
        infinitive_infixes=_low(events.get("infinitive_infixes")),
        anaphoric_objects=_low(cfg.get("anaphoric_objects")),
        reflexives=_low(cfg.get("reflexives")),
        cue_adverbs=_low(cfg.get("cue_adverbs")),
        impersonal_verbs=_low(cfg.get("impersonal_verbs")),
        nominative_pronouns=_low(cfg.get("nominative_pronouns")),
        stance_adjectives=_low(cfg.get("stance_adjectives")),
        role_offices={str(k).lower(): str(v).lower() for k, v in (cfg.get("role_offices") or {}).items()},
        oblique_determiners=_low(cfg.get("oblique_determiners")),
        governing_markers=_low(cfg.get("governing_markers")),
        demonstratives=_low(cfg.get("demonstratives")),
        naming_participles=tuple(sorted(_low(cfg.get("naming_participles")))),
        genitive_determiners=_low(cfg.get("genitive_determiners")),
        cue_phrases={str(k).lower(): tuple(_cue_phrase(p) for p in v) for k, v in (cfg.get("cue_phrases") or {}).items()},
        impersonal_cue_phrases={str(k).lower(): _low(v) for k, v in (cfg.get("impersonal_cue_phrases") or {}).items()},
        source_attachments={str(k).lower(): str(v) for k, v in (cfg.get("source_attachments") or {}).items()},
    )
