"""RSS 2.0 and Atom feeds written in the test: one RawDoc per item, fields mapped, junk refused."""

from __future__ import annotations

from pathlib import Path

from lagebild.ingest import InputError, RawDoc, ReadOptions, read_inputs

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Tagesblatt Politik</title>
  <link>https://example.org/</link>
  <language>de-DE</language>
  <item>
    <title>Präsident Müller tritt zurück</title>
    <link>https://example.org/a/1</link>
    <guid>https://example.org/a/1</guid>
    <pubDate>Tue, 02 Jan 2024 22:30:00 +0100</pubDate>
    <description>Kurzfassung</description>
    <content:encoded><![CDATA[<p>Der Präsident trat am <b>Dienstag</b> zurück.</p>]]></content:encoded>
  </item>
  <item>
    <title>Zweite Meldung</title>
    <link>https://example.org/a/2</link>
    <description>Nur eine Zusammenfassung ohne Markup.</description>
  </item>
  <item>
    <title>Nur ein Titel</title>
    <link>https://example.org/a/3</link>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>World Desk</title>
  <id>urn:uuid:feed</id>
  <updated>2024-03-05T10:00:00Z</updated>
  <entry>
    <title>Talks resume in Geneva</title>
    <link href="https://example.com/geneva"/>
    <id>urn:uuid:1</id>
    <updated>2024-03-05T09:00:00Z</updated>
    <content type="html">&lt;p&gt;Delegations met on Monday.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Summit ends</title>
    <link href="https://example.com/summit"/>
    <id>urn:uuid:2</id>
    <published>2024-03-04T18:00:00Z</published>
    <updated>2024-03-06T08:00:00Z</updated>
    <summary>The summit ended without a statement.</summary>
  </entry>
</feed>
"""


def read(path: Path) -> list[RawDoc | InputError]:
    return list(read_inputs([str(path)], ReadOptions()))


def test_rss2(tmp_path: Path) -> None:
    f = tmp_path / "politik.rss"
    f.write_text(RSS, encoding="utf-8")
    items = read(f)
    assert [i.origin for i in items] == [f"{f}#item-1", f"{f}#item-2", f"{f}#item-3"]
    first, second, third = items
    assert isinstance(first, RawDoc) and isinstance(second, RawDoc)
    assert first.title == "Präsident Müller tritt zurück"
    assert first.published == "2024-01-02"  # the date as the feed states it, not shifted to UTC
    assert first.url == "https://example.org/a/1"
    assert first.source_name == "Tagesblatt Politik"
    assert first.lang == "de"
    assert first.kind == "html" and "<b>Dienstag</b>" in first.body  # content:encoded beats description
    assert second.kind == "text" and second.body == "Nur eine Zusammenfassung ohne Markup."
    assert second.published is None
    assert isinstance(third, InputError) and "no text" in third.reason


def test_atom_sniffed_in_xml(tmp_path: Path) -> None:
    f = tmp_path / "world.xml"
    f.write_text(ATOM, encoding="utf-8")
    docs = read(f)
    assert all(isinstance(d, RawDoc) for d in docs)
    a, b = docs
    assert isinstance(a, RawDoc) and isinstance(b, RawDoc)
    assert (a.origin, a.title, a.url, a.published, a.kind) == (
        f"{f}#item-1", "Talks resume in Geneva", "https://example.com/geneva", "2024-03-05", "html"
    )
    assert a.body == "<p>Delegations met on Monday.</p>"
    assert b.published == "2024-03-04"  # published wins over updated
    assert (b.kind, b.source_name, b.lang) == ("text", "World Desk", "en")


def test_feed_detected_by_content(tmp_path: Path) -> None:
    f = tmp_path / "feed.txt"
    f.write_text(RSS, encoding="utf-8")
    assert sum(isinstance(i, RawDoc) for i in read(f)) == 2


def test_broken_feed_is_one_error(tmp_path: Path) -> None:
    f = tmp_path / "broken.rss"
    f.write_text("<rss><channel><title>x</ti", encoding="utf-8")
    (err,) = read(f)
    assert isinstance(err, InputError) and err.reason.startswith("not a valid RSS/Atom feed (")
    g = tmp_path / "notafeed.xml"
    g.write_text("just words, no markup", encoding="utf-8")
    (err,) = read(g)
    assert isinstance(err, InputError) and err.reason.startswith("not a valid RSS/Atom feed")


def test_empty_feed(tmp_path: Path) -> None:
    f = tmp_path / "empty.atom"
    f.write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>', encoding="utf-8")
    (err,) = read(f)
    assert isinstance(err, InputError) and err.reason == "feed has no items"


def test_latin1_feed_uses_declared_encoding(tmp_path: Path) -> None:
    f = tmp_path / "alt.rss"
    f.write_bytes(RSS.replace("UTF-8", "ISO-8859-1").encode("latin-1"))
    first = read(f)[0]
    assert isinstance(first, RawDoc) and first.title == "Präsident Müller tritt zurück"
