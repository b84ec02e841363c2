"""Tests of the on-disk cache of KB-derived objects: reuse, invalidation, silent fallback, identical results."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from lagebild.kb import cache
from lagebild.kb.build import DEFAULT_INDEX, LANGS
from lagebild.kb.index import KB


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "cache"
    monkeypatch.setenv("LAGEBILD_CACHE", str(d))
    return d


def _builder(calls: list[int], value: object):
    def build() -> object:
        calls.append(1)
        return value
    return build


def test_cached_builds_once_then_reads(cache_dir: Path) -> None:
    calls: list[int] = []
    assert cache.cached("t", "k1", _builder(calls, {"a": [1, 2]})) == {"a": [1, 2]}
    assert cache.cached("t", "k1", _builder(calls, "other")) == {"a": [1, 2]}
    assert len(calls) == 1
    assert [p.suffix for p in cache_dir.iterdir()] == [".pkl"]  # no temp files left behind


def test_cached_key_and_code_version_invalidate(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    cache.cached("t", "k1", _builder(calls, 1))
    assert cache.cached("t", "k2", _builder(calls, 2)) == 2  # another index digest
    monkeypatch.setattr(cache, "code_version", lambda: "changed code")
    assert cache.cached("t", "k1", _builder(calls, 3)) == 3  # same index, other code
    assert len(calls) == 3


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", b"\x80\x05\x95"])
def test_cached_falls_back_on_unreadable_entry(cache_dir: Path, garbage: bytes) -> None:
    calls: list[int] = []
    cache.cached("t", "k", _builder(calls, 1))
    (entry,) = cache_dir.iterdir()
    entry.write_bytes(garbage)
    assert cache.cached("t", "k", _builder(calls, 2)) == 2
    assert cache.cached("t", "k", _builder(calls, 3)) == 2  # the rebuilt entry replaced the broken one
    assert len(calls) == 2


def test_cached_entry_of_another_key_is_ignored(cache_dir: Path) -> None:
    calls: list[int] = []
    cache.cached("t", "k1", _builder(calls, 1))
    (entry,) = cache_dir.iterdir()
    k1_bytes = entry.read_bytes()
    cache.cached("t", "k2", _builder(calls, 2))  # replaces the k1 entry
    (other,) = cache_dir.iterdir()
    other.write_bytes(k1_bytes)  # a valid pickle, but stored for k1
    assert cache.cached("t", "k2", _builder(calls, 3)) == 3


def test_cached_unwritable_or_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("LAGEBILD_CACHE", str(blocker / "sub"))  # cannot be created
    calls: list[int] = []
    assert cache.cached("t", "k", _builder(calls, 1)) == 1
    assert cache.cached("t", "k", _builder(calls, 2)) == 2
    monkeypatch.setenv("LAGEBILD_CACHE", "off")
    assert cache.cache_dir() is None
    assert cache.cached("t", "k", _builder(calls, 3)) == 3
    assert cache.cached("t", None, _builder(calls, 4)) == 4
    assert len(calls) == 4


def _fresh_load(path: Path) -> KB:
    KB._cache.pop(path.resolve(), None)
    return KB.load(path)


def _same(a: KB, b: KB) -> None:
    for lang in LANGS:
        assert list(a.surfaces(lang)) == list(b.surfaces(lang))
        assert a.roles(lang) == b.roles(lang)
    assert a.countries() == b.countries() and a.orgs() == b.orgs() and a.nationals() == b.nationals()
    assert a.persons() == b.persons()
    assert dict(a._by_name) == dict(b._by_name)
    assert a.stoplist == b.stoplist and a.digest == b.digest


def test_kb_gazetteer_and_hints_from_cache_are_identical(cache_dir: Path, tmp_path: Path) -> None:
    from lagebild.extract.ent_gazetteer import Gazetteer
    from lagebild.ner import hints

    index = tmp_path / "kb.json.gz"
    index.write_bytes(DEFAULT_INDEX.read_bytes())
    direct = KB(json.loads(gzip.decompress(index.read_bytes())), index)
    assert direct.file_digest is None
    cold = _fresh_load(index)
    assert {p.name.split("-")[0] for p in cache_dir.iterdir()} == {"kb"}
    warm = _fresh_load(index)
    assert warm is not cold and warm.path == index.resolve() and warm.file_digest == cold.file_digest
    _same(direct, cold)
    _same(direct, warm)

    text = ("Der US-Präsident traf in Berlin den Bundeskanzler; die chinesisch-russischen Gespräche im "
            "Japanischen Meer und bei der NATO gehen weiter.")
    base = Gazetteer("de", direct)  # no file digest: built, not cached
    g_cold = Gazetteer("de", cold)
    g_warm = Gazetteer("de", warm)
    assert base.table == g_cold.table == g_warm.table
    assert base.find(text) == g_cold.find(text) == g_warm.find(text)
    assert base.find(text)

    hints._table.cache_clear()
    try:
        t_cold = hints._table("de", str(index))
        hints._table.cache_clear()
        t_warm = hints._table("de", str(index))
        assert t_cold == t_warm == hints._build("de", direct)
    finally:
        hints._table.cache_clear()
    assert {p.name.split("-")[0] for p in cache_dir.iterdir()} == {"kb", "gazetteer", "hints"}


def test_writing_a_new_entry_removes_the_old_ones_of_its_kind(tmp_path, monkeypatch):
    from lagebild.kb import cache

    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    assert cache.cached("thing", "v1", lambda: [1]) == [1]
    assert cache.cached("other", "v1", lambda: [9]) == [9]
    assert cache.cached("thing", "v2", lambda: [2]) == [2]
    names = sorted(p.name.split("-")[0] for p in tmp_path.glob("*.pkl"))
    assert names == ["other", "thing"]
    assert cache.cached("thing", "v2", lambda: [3]) == [2]  # the kept entry is the new one
