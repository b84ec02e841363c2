"""The language knowledge the extractors read instead of checking a language's code: every language
folder answers the same questions (adding a language means adding a folder with these keys)."""

from __future__ import annotations

import pytest

from lagebild import lang as langdata

_EVENT_CUES = ("first_person_pronouns", "noun_before_noun_possessor", "noun_plural_endings",
               "opening_quote_marks", "closing_quote_marks", "future_needs_infinitive", "present_endings",
               "present_not_endings", "participle_prefixes", "past_stem_ending")
_ENTITY_KEYS = ("closed_compounds", "capitalised_demonyms", "facility_head_first", "qualifier_endings",
                "bare_institution_endings", "body_role_endings", "compound_linking_endings", "genitive_endings",
                "possessive_clitics", "name_connectors", "affiliation_words", "copulas", "indefinite_articles",
                "title_name_links", "title_articles", "org_head_links", "credit_words", "name_adjective_endings",
                "foreign_country_names")


@pytest.mark.parametrize("lang", langdata.languages())
def test_every_language_answers_the_extractors_questions(lang: str) -> None:
    assert "capitalised_nouns" in langdata.load(lang, "analyze")
    cues = langdata.load(lang, "events")["cues"]
    assert [k for k in _EVENT_CUES if k not in cues] == []
    entities = langdata.load(lang, "entities")
    assert [k for k in _ENTITY_KEYS if k not in entities] == []
    assert "vowels" in langdata.load(lang, "coref")["gender"]


@pytest.mark.parametrize("lang", langdata.languages())
def test_yaml_words_stay_words(lang: str) -> None:
    # YAML 1.1 reads a bare on/off/yes/no as a boolean: word lists must hold strings only
    entities = langdata.load(lang, "entities")
    for key in _ENTITY_KEYS:
        if isinstance(entities[key], list):
            assert all(isinstance(w, str) for w in entities[key]), key


# (file, section) pairs whose keys every language lists, empty where it has none: a key only one
# language defines would leave the other's behaviour to the code's default, unseen. analyze.yaml is
# left out (each language's tagger rules are of their own kind), and events.yaml's top level with it
# (English imports a lexicon; the verb and noun entries are words, not questions).
_SAME_KEYS = [("entities", None), ("events", "cues"), ("speech", None), ("passive", None), ("actors", None),
              ("coref", None), ("temporal", None), ("boilerplate", None)]


@pytest.mark.parametrize(("name", "section"), _SAME_KEYS)
def test_every_language_lists_the_same_keys(name: str, section: str | None) -> None:
    keys = {}
    for lang in langdata.languages():
        data = langdata.load(lang, name)
        keys[lang] = set(data[section] if section else data)
    every = set.union(*keys.values())
    assert {lang: sorted(every - k) for lang, k in keys.items() if every - k} == {}
