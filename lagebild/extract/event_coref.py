"""A light coreference layer for event roles: pronouns and definite descriptions → their antecedent.

What it resolves (German and English):

* personal pronouns by number and gender: "er/ihn/ihm", "he/him" → the nearest male (or
  gender-unknown) person; "sie", "she/her" → the nearest female person; "sie" (plural), "they/them"
  → the nearest group (organisation, plural role noun such as "Demonstranten", "protesters").
  A person's gender comes from a short first-name list or from the role noun written with the name
  ("Bundeskanzlerin", "Ministerin", "Queen", "Mrs");
* definite descriptions of a state: "das Land", "des Landes", "the country", "the nation" → the
  most recently named country, else the article's main country;
* definite role descriptions ("der Minister", "die Kanzlerin", "the president") → the most recent
  person named with that role noun, so that the role gets the person's country and entity.

Candidates are the actor mentions of the current sentence (before the anaphor) and of the two
sentences before it, nearest sentence first and, within a sentence, in textual order (subjects
come first). To keep event dyads precise an anaphor stays unresolved when the compatible
candidates of the deciding sentence belong to different countries.

`resolve` adds one `Actor` (kind ``coref``) per resolved anaphor to the actor layer and returns the
links; the events stage stores them as ``doc.layers["coref"]`` for other stages to use.
"""

from __future__ import annotations

from dataclasses import dataclass

from lagebild.analyze import Sentence
from lagebild.doc import Document
from lagebild.extract.event_actors import Actor, ActorLayer
from lagebild.kb.index import KB

# pronoun → (gender m|f|None, number sg|pl|any); "sie" is female singular or plural
_PRONOUNS: dict[str, dict[str, tuple[str | None, str]]] = {
    "de": {"er": ("m", "sg"), "ihn": ("m", "sg"), "ihm": ("m", "sg"),
           "sie": ("f", "any"), "ihnen": (None, "pl")},
    "en": {"he": ("m", "sg"), "him": ("m", "sg"), "she": ("f", "sg"), "her": ("f", "sg"),
           "they": (None, "pl"), "them": (None, "pl")},
}
# definite descriptions of a state
_STATE_NOUNS = {"de": {"Land", "Landes", "Staat", "Staates", "Königreich", "Königreichs", "Republik"},
                "en": {"country", "nation", "state", "kingdom", "republic"}}
_DEFINITE = {"de": {"das", "des", "dem", "der", "die", "den", "dieses", "diesem", "dieser", "diese", "diesen"},
             "en": {"the", "this"}}
_FEMALE_ROLE_WORDS = {"Queen", "queen", "Mrs", "Mrs.", "Ms", "Ms.", "Lady", "chairwoman", "Chairwoman",
                      "spokeswoman", "congresswoman", "Frau", "Königin", "Kaiserin", "Fürstin", "Prinzessin",
                      "Princess", "princess", "Empress", "Baroness", "Dame", "Madam", "Madame", "Mme",
                      "businesswoman", "Duchess", "duchess", "Sister", "mother", "wife", "widow", "daughter",
                      "fiancée", "Fiancée", "Mutter", "Ehefrau", "Witwe", "Tochter", "Schwester", "Verlobte"}
_MALE_ROLE_WORDS = {"King", "king", "Mr", "Mr.", "Sir", "Lord", "chairman", "Chairman", "spokesman", "Herr",
                    "König", "Kaiser", "Fürst", "Prinz", "Prince", "prince", "Emperor", "Pope", "Papst",
                    "congressman", "businessman", "Duke", "duke", "father", "husband", "son", "brother",
                    "Vater", "Ehemann", "Sohn", "Bruder", "Kardinal", "Cardinal", "Bischof", "Bishop"}
# common given names (international news); written by us, deliberately short and unambiguous
_FEMALE_NAMES = set("""
Angela Ursula Annalena Christine Theresa Hillary Kamala Nancy Condoleezza Madeleine Carrie Yolanda Sviatlana
Svetlana Tatiana Tatjana Olga Natalia Natalja Maria Marie Mary Anna Anne Ann Elizabeth Elisabeth Margaret
Margarethe Nicola Julia Yulia Julija Benazir Indira Sonia Aung Ellen Jacinda Sanna Giorgia Marine Ségolène
Dilma Cristina Michelle Michele Laura Hatice Agnès Agnes Claudia Sahra Katrin Andrea Manuela Renate Heidi
Ewa Beata Ilham Ilhan Alexandria Elizabeth Liz Emily Amy Kristalina Federica Catherine Kate Sarah Sara
Helen Helene Jane Janet Joan Judith Karen Linda Lisa Louise Lucy Nadia Nadja Natascha Patricia Rachel
Rebecca Rita Rose Ruth Sabine Sandra Silvia Sophie Susan Susanne Tsai Ingrid Kristina Kristin Mette Magdalena
Erna Frauke Alice Ayaan Malala Greta Hanna Hannah Irina Ljudmila Lyudmila Valentina Yingluck Park Megawati
Beatrix Mette Kaja Roberta Viola Nikki Penny Priti Suella Andrea Gabriela Gabriele Barbara Birgit Brigitte
Carola Cornelia Doris Edith Elke Eva Franziska Gerda Gesine Gudrun Hannelore Ines Iris Jutta Karin Katarina
Katharina Lena Marianne Martina Monika Nina Petra Regina Rosa Simone Stefanie Ulla Ulrike Ute Veronika Xenia
Ewa Zuzana Dalia Kolinda Jacqueline Josephine Yvonne Chrystia Samia Ellen Joyce Sahle Amina Ngozi Fatou
""".split())
_MALE_NAMES = set("""
Wladimir Vladimir Dmitri Dmitry Sergei Sergej Andrei Andrej Alexei Alexander Alexandr Boris Mikhail Michail
Xi Li Wang Joe Donald Barack George Bill Ronald Richard Jimmy Gerald John James Robert Michael William David
Thomas Charles Emmanuel Nicolas François Francois Jacques Olaf Frank Joachim Horst Wolfgang Gerhard Helmut
Peter Hans Klaus Jürgen Karl Friedrich Heinrich Heinz Christian Christoph Markus Martin Matthias Norbert
Sigmar Siegmar Guido Hubertus Hubert Cem Robert Recep Tayyip Ahmet Mahmoud Mohammed Mohammad Muhammad
Muhammadu Ali Hassan Hosni Bashar Hafez Benjamin Ehud Ariel Yitzhak Shimon Naftali Yair Narendra Manmohan
Shinzo Fumio Yoshihide Junichiro Kim Moon Rodrigo Ferdinand Jair Luiz Hugo Nicolás Evo Fidel Raúl Raul
Andrzej Donald Lech Jarosław Jaroslaw Viktor Alexis Kyriakos Antonis Giorgos Georgios Evangelos Recep
Xanana José Jose Mari Marí Roque Rogerio Thaksin Abhisit Prayut Hun Ban António Antonio Kofi Jens Javier
Josep Jean Pierre Paul Jan Václav Vaclav Volodymyr Petro Viktor Alexander Ilham Nursultan Kassym Islam
Saddam Nouri Haider Masoud Massoud Hamid Ashraf Imran Nawaz Pervez Asif Mahmud Abdel Abdul Abdullah Abu
Omar Umar Salman Khalid Mohamed Tamim Hamad Ismail Yahya Muammar Ahmed Ahmad Hamdi Idriss Paul Patrice
Mahamadou Macky Uhuru William Yoweri Paul Robert Emmerson Morgan Jacob Cyril Thabo Nelson Goodluck Olusegun
Jonathan Yemi Tony Gordon Keir Rishi Boris Nigel Jeremy Leo Enda Mark Justin Stephen Scott Malcolm Kevin Chuck
Mitch Mike Ted Marco Rand Lindsey Bernie Pete Rudy Rudolph Steve Steven Jim Tom Brian Kenneth Edward Hamid
Rafael Mariano Pedro Felipe Matteo Mario Giuseppe Silvio Romano Sebastian Alexander Karl Werner Heiko Horst
Thorsten Torsten Uwe Volker Walter Wilhelm Winfried Gregor Oskar Philipp Lars Jens Rolf Rainer Ralf Reinhard
Roland Rudolf Stefan Stephan Ulrich Dietrich Dieter Erich Ernst Franz Georg Günter Günther Gustav Hermann
Herbert Johannes Josef Joseph Kurt Lothar Ludwig Manfred Otto Paul Theodor Andreas Alexei Garri Garry Gennadi
Juan Carlos Luis Manuel Miguel Francisco Alberto Alejandro Fernando Hosni Anwar Gamal Yasser Ismail Kais Zine
Béji Beji Moncef Mohamed Hamadi Rached Fouad Rafik Saad Michel Najib Tammam Recep Yoshiro Akihito Naruhito
Vicente Ernesto Daniel Álvaro Alvaro Ollanta Sebastián Sebastian Gustavo Iván Ivan Lenín Lenin Rafael
Volodymyr Oleksandr Leonid Viktor Arsenij Arseniy Denys Alexander Milo Slobodan Aleksandar Aleksandr Tomislav
Janez Borut Miloš Milos Igor Ivo Recep Bülent Binali Ahmet Kemal Kılıçdaroğlu Selahattin Ekrem
""".split())
# words that stand for "both sides" are handled by the events stage (`both`), not here


@dataclass(slots=True)
class Link:
    """One resolved anaphor: its span and what it stands for."""

    start: int
    end: int
    text: str
    kind: str  # pronoun | state | role
    entity: str | None
    country: str | None
    org: str | None
    antecedent: tuple[int, int]  # span of the antecedent mention

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text, "kind": self.kind,
                "entity": self.entity, "country": self.country, "org": self.org,
                "antecedent": list(self.antecedent)}


@dataclass(slots=True)
class _Ref:
    actor: Actor
    sentence: int
    gender: str | None  # m | f | None (unknown or not a person)
    number: str  # sg | pl
    person: bool
    state: bool


class _Genders:
    """Gender of person entities from their names and the role nouns written with them."""

    def __init__(self, doc: Document) -> None:
        self.by_entity: dict[str, str | None] = {}
        text = doc.text
        for e in doc.entities:
            if e.type != "PER":
                continue
            g = _name_gender(e.name)
            if g is None and e.role:
                g = _role_gender(e.role)
            if g is None:
                for m in e.mentions:
                    before = text[max(0, m.start - 40):m.start].split()
                    if before:
                        g = _role_gender(before[-1]) or (_role_gender(before[-2]) if len(before) > 1 else None)
                    if g:
                        break
            self.by_entity[e.id] = g


def _name_gender(name: str) -> str | None:
    first = name.split()[0] if name.split() else ""
    if first in _FEMALE_NAMES:
        return "f"
    if first in _MALE_NAMES:
        return "m"
    return None


def _role_gender(word: str) -> str | None:
    w = word.strip(",.;:()\"'„“”")
    if w in _FEMALE_ROLE_WORDS:
        return "f"
    if w in _MALE_ROLE_WORDS:
        return "m"
    # German feminine role nouns: "Kanzlerin", "Ministerpräsidentin", "Sprecherinnen" (plural: no gender)
    if w[:1].isupper() and w.endswith("in") and len(w) > 6 and w[-3] not in "aeiouäöü":
        return "f"
    return None


def _plural_role(a: Actor, kb: KB, lang: str) -> bool:
    if a.kind not in ("role", "people"):
        return False
    last = a.text.split()[-1] if a.text else ""
    if a.kind == "people":
        return True
    role = kb.role(lang, last)
    if role is None:
        return False
    if lang == "en":
        return last.casefold() != role.lemma.casefold() and last.casefold().endswith("s") or \
            last.casefold() in ("police", "authorities", "forces", "troops", "military")
    return last != role.lemma and last.endswith(("en", "innen", "e", "s")) and not last.endswith("in")


def resolve(doc: Document, layer: ActorLayer, lang: str, kb: KB) -> list[Link]:
    """Resolve the anaphors of `doc`; adds a ``coref`` actor per link to `layer` (kept sorted)."""
    sentences: list[Sentence] = doc.layers.get("sentences") or []
    pronouns = _PRONOUNS.get(lang, {})
    states = _STATE_NOUNS.get(lang, set())
    definite = _DEFINITE.get(lang, set())
    if not sentences or not layer.actors:
        return []
    genders = _Genders(doc)
    ent_type = {e.id: e.type for e in doc.entities}
    # actor mentions per sentence, as candidate referents
    refs: list[list[_Ref]] = [[] for _ in sentences]
    si = 0
    for a in layer.actors:
        while si < len(sentences) and sentences[si].end <= a.start:
            si += 1
        if si >= len(sentences):
            break
        if not a.key or a.kind == "demonym":
            continue
        person = a.kind == "person" or (a.entity is not None and ent_type.get(a.entity) == "PER")
        state = a.kind in ("country", "capital") or (a.entity is not None and ent_type.get(a.entity) == "GPE")
        g = genders.by_entity.get(a.entity or "") if person else None
        if person and g is None:
            g = _name_gender(a.text)
        number = "pl" if _plural_role(a, kb, lang) else "sg"
        refs[si].append(_Ref(a, si, g, number, person, state))
    links: list[Link] = []
    added: list[Actor] = []
    taken = [(a.start, a.end) for a in layer.actors]

    def free(s: int, e: int) -> bool:
        return not any(s < te and ts < e for ts, te in taken)

    for si, sent in enumerate(sentences):
        toks = sent.tokens
        for i, t in enumerate(toks):
            kind = None
            if t.pos == "PRON" and t.text.casefold() in pronouns:
                if lang == "de" and t.text == "Sie" and i > 0:
                    continue  # the polite "Sie" inside a sentence (quotes)
                if lang == "en" and t.text.casefold() == "her" and i + 1 < len(toks) and \
                        toks[i + 1].pos in ("NOUN", "PROPN", "ADJ"):
                    continue  # possessive "her"
                kind = "pronoun"
            elif t.text in states and i > 0 and toks[i - 1].text.casefold() in definite and \
                    not (i + 1 < len(toks) and toks[i + 1].pos == "PROPN"):
                kind = "state"
            if kind is None or not free(toks[i - 1].start if kind == "state" else t.start, t.end):
                continue
            if kind == "pronoun":
                gender, number = pronouns[t.text.casefold()]
                ref = _find(refs, si, t.start, lambda r: _fits(r, gender, number))
            else:
                ref = _find(refs, si, t.start, lambda r: r.state, window=3)
                if ref is None and layer.default_country:
                    a = Actor(t.start, t.end, layer.default_country, None, (), None, "coref", inferred=True,
                              text=t.text)
                    start = toks[i - 1].start
                    a.start = start
                    added.append(a)
                    links.append(Link(start, t.end, doc.text[start:t.end], "state", None,
                                      layer.default_country, None, (start, t.end)))
                    continue
            if ref is None:
                continue
            src = ref.actor
            start = toks[i - 1].start if kind == "state" else t.start
            sectors = src.sectors if kind == "pronoun" else ("GOV",)
            a = Actor(start, t.end, src.country, src.org, tuple(sectors), src.entity, "coref",
                      inferred=False, text=doc.text[start:t.end])
            added.append(a)
            links.append(Link(start, t.end, a.text, kind, src.entity, src.country, src.org, (src.start, src.end)))
    # definite role descriptions: give a bare role the country and entity of the person last named with it
    role_links = _roles(doc, layer, lang, kb, sentences, ent_type)
    links.extend(role_links)
    if added:
        layer.actors.extend(added)
        layer.actors.sort(key=lambda a: (a.start, -a.end))
    links.sort(key=lambda lk: lk.start)
    return links


def _fits(r: _Ref, gender: str | None, number: str) -> bool:
    if number == "pl":
        return r.number == "pl" or (r.actor.kind == "org" and not r.person)
    if number == "sg":
        return r.person and (gender is None or r.gender in (gender, None)) and r.number == "sg"
    # "sie": a female person, or a group
    return (r.person and r.gender == "f") or r.number == "pl"


def _find(refs: list[list[_Ref]], si: int, before: int, ok, window: int = 2) -> _Ref | None:
    for k in range(si, max(-1, si - window - 1), -1):
        cands = [r for r in refs[k] if ok(r) and r.actor.end <= before]
        if not cands:
            continue
        keys = {r.actor.key for r in cands}
        if len(keys) > 1:
            # candidates of different countries: prefer one of the sentence's persons with a known
            # gender when it is the only one, else leave the anaphor open
            known = [r for r in cands if r.gender is not None]
            if len({r.actor.key for r in known}) == 1 and len(known) == len(cands):
                return known[0]
            return None
        # subjects first: the earliest candidate of the nearest sentence
        return cands[0]
    return None


def _roles(doc: Document, layer: ActorLayer, lang: str, kb: KB, sentences: list[Sentence],
           ent_type: dict[str, str]) -> list[Link]:
    links: list[Link] = []
    definite = _DEFINITE.get(lang, set())
    last_by_role: dict[str, Actor] = {}
    text = doc.text
    persons = [a for a in layer.actors if a.entity and ent_type.get(a.entity) == "PER" and a.key]
    pi = 0
    for n, a in enumerate(layer.actors):
        while pi < len(persons) and persons[pi].end <= a.start:
            p = persons[pi]
            before = text[max(0, p.start - 60):p.start].split()
            for w in before[-3:]:
                role = kb.role(lang, w.strip(",.;:()\"'„“”"))
                if role is not None:
                    last_by_role[role.lemma] = p
            pi += 1
        if a.kind != "role" or a.country or a.org or not a.text:
            continue
        words = a.text.split()
        role = kb.role(lang, words[-1])
        if role is None:
            continue
        prev_word = text[max(0, a.start - 12):a.start].split()
        if not prev_word or prev_word[-1].casefold() not in definite:
            continue
        p = last_by_role.get(role.lemma)
        if p is None:
            continue
        layer.actors[n] = Actor(a.start, a.end, p.country, p.org, a.sectors or p.sectors, p.entity, "role",
                                None, False, a.text)
        links.append(Link(a.start, a.end, a.text, "role", p.entity, p.country, p.org, (p.start, p.end)))
    return links


def layer_json(links: list[Link]) -> list[dict]:
    return [lk.to_json() for lk in links]

