"""The speech lexicon of one language (``lang/<xx>/speech.yaml``) in the shape the quote rules ask.

Everything language-specific the quote stage knows lives in that file; this module only turns
its lists into sets and parsed patterns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from lagebild import lang as langdata


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
    first_person: frozenset[str]
    postposed_cues: frozenset[str]
    colon_cues: frozenset[str]
    source_patterns: list[SourcePattern]
    pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    possessives: frozenset[str]
    definite: frozenset[str]
    indefinite: frozenset[str]
    role_nouns: tuple[str, ...]
    spokesperson_nouns: tuple[str, ...]
    addressee_determiners: frozenset[str]
    addressee_prepositions: frozenset[str]
    addressee_object_verbs: frozenset[str]
    verbs: frozenset[str] = field(default=frozenset())
    # Gender cues for telling "he" from "she": pronoun → "f"/"m", first names, and words that
    # mark the person they stand next to ("Frau", "Ministerin", "spokeswoman", "Mr").
    pronoun_gender: dict[str, str] = field(default_factory=dict)
    female_names: frozenset[str] = field(default=frozenset())
    male_names: frozenset[str] = field(default=frozenset())
    female_words: frozenset[str] = field(default=frozenset())
    male_words: frozenset[str] = field(default=frozenset())
    female_suffixes: tuple[str, ...] = ()
    # Nouns for organisations ("die Partei", "the ministry"): a definite one points back to an organisation.
    org_nouns: tuple[str, ...] = ()
    # Coordinators after which a speech verb shares the subject before them ("... und betonte").
    coordinators: frozenset[str] = field(default=frozenset())
    # Nouns that make a phrase a source ("nach Polizeiangaben", "nach Ansicht von X"): the `{N}`
    # slot of source phrases, matched as the end of a compound.
    source_nouns: tuple[str, ...] = ()
    # Speech verbs that report a statement as their plain object ("Die Stadt fordert die Rückgabe",
    # "sprach von einem Erfolg"): lemma (particle first) → prepositions one of which must follow
    # the verb in its clause (empty: any object will do).
    reported_verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    # Prepositions whose object names the source when the subject is the expletive ("aus Peking
    # heißt es").
    source_prepositions: frozenset[str] = field(default=frozenset())

    def is_role_noun(self, word: str) -> bool:
        """A noun naming an office; German compounds count by their last part (Außenminister)."""
        w = word.lower()
        return any(w.endswith(r) for r in self.role_nouns)

    def is_org_noun(self, word: str) -> bool:
        w = word.lower()
        return any(w.endswith(r) for r in self.org_nouns)

    def is_source_noun(self, word: str) -> bool:
        w = word.lower()
        return any(w.endswith(r) for r in self.source_nouns)

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


def load_lexicon(lang: str) -> SpeechLexicon:
    """The speech lexicon of `lang` (FileNotFoundError when the language has no speech.yaml)."""
    cfg: dict[str, Any] = langdata.load(lang, "speech")
    names: dict[str, Any] = cfg.get("first_names") or {}
    if cfg.get("first_names_from"):
        names = langdata.load(str(cfg["first_names_from"]), "speech").get("first_names") or {}
    gender: dict[str, Any] = cfg.get("gender") or {}
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
        first_person=_low(cfg.get("first_person")),
        postposed_cues=_low(cfg.get("postposed_cues")),
        colon_cues=_low(cfg.get("colon_cues")),
        source_patterns=[_pattern(e) for e in cfg.get("source_phrases", [])],
        pronouns=_low(cfg.get("pronouns")),
        plural_pronouns=_low(cfg.get("plural_pronouns")),
        possessives=_low(cfg.get("possessives")),
        definite=_low(cfg.get("definite")),
        indefinite=_low(cfg.get("indefinite")),
        role_nouns=tuple(sorted(_low(cfg.get("role_nouns")))),
        spokesperson_nouns=tuple(sorted(_low(cfg.get("spokesperson_nouns")))),
        addressee_determiners=_low(cfg.get("addressee_determiners")),
        addressee_prepositions=_low(cfg.get("addressee_prepositions")),
        addressee_object_verbs=_low(cfg.get("addressee_object_verbs")),
        verbs=speech | cognition,
        pronoun_gender={str(k).lower(): str(v) for k, v in (gender.get("pronouns") or {}).items()},
        female_names=_low(names.get("female")),
        male_names=_low(names.get("male")),
        female_words=_low(gender.get("female_words")),
        male_words=_low(gender.get("male_words")),
        female_suffixes=tuple(sorted(_low(gender.get("female_suffixes")))),
        org_nouns=tuple(sorted(_low(cfg.get("org_nouns")))),
        coordinators=_low(cfg.get("coordinators")),
        source_nouns=tuple(sorted(_low(cfg.get("source_nouns")))),
        reported_verbs={str(k).lower(): _low(v) for k, v in (cfg.get("reported_verbs") or {}).items()},
        source_prepositions=_low(cfg.get("source_prepositions")),
    )
