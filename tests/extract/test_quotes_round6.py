"""A speech verb with a speaker but no message opens the report of the Konjunktiv sentences after it."""

from tests.extract.test_quotes import run, speakers

_ENT = {"Anna Berg": ("PER", ["Anna Berg", "Berg"])}


def test_bare_frame_gives_its_speaker_to_the_following_report() -> None:
    doc = run("de", "Anna Berg sprach am Montag vor Journalisten. Die Kommission habe alle Regeln eingehalten. "
                    "Man werde die Unterlagen bald vorlegen.", _ENT)
    got = speakers(doc)
    assert [s for s, _, _ in got] == ["Anna Berg", "Anna Berg"]
    assert not any("sprach" in t for _, _, t in got)  # the frame is no statement itself


def test_reportive_soll_continues_a_bare_frame() -> None:
    doc = run("de", "Anna Berg sprach am Abend im Landtag. Der Vertrag soll bereits im Mai unterschrieben worden sein.", _ENT)
    assert [s for s, _, _ in speakers(doc)] == ["Anna Berg"]


def test_indicative_after_a_bare_frame_is_not_reported() -> None:
    doc = run("de", "Anna Berg sprach am Montag vor Journalisten. Die Kommission tagt am Freitag.", _ENT)
    assert speakers(doc) == []


def test_frame_with_a_message_is_not_bare() -> None:
    # the complement clause is the statement; the Konjunktiv after it continues that statement
    doc = run("de", "Anna Berg sprach am Montag davon, dass die Lage ernst sei. Man werde handeln.", _ENT)
    assert [s for s, _, _ in speakers(doc)] == ["Anna Berg", "Anna Berg"]


def test_reflexive_speech_verb_is_a_bare_frame_before_a_report() -> None:
    doc = run("de", "Anna Berg äußerte sich am Montag zu den Vorwürfen. Die Kommission habe alle Regeln eingehalten.", _ENT)
    assert speakers(doc) == [("Anna Berg", "indirect", "Die Kommission habe alle Regeln eingehalten")]
