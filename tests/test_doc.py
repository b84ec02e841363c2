"""The lagebild/1 contract: the shipped JSON Schema matches the models and rejects bad documents."""

from __future__ import annotations

import jsonschema
import pytest

from lagebild.doc import Document, json_schema, shipped_schema, validate


def test_shipped_schema_is_generated_from_the_models():
    assert shipped_schema() == json_schema(), "run `lagebild schema > lagebild/schema/lagebild-1.json`"


def test_minimal_document_validates_and_all_fields_are_present():
    data = Document(doc_id="x", lang="de", text="Text").to_json()
    validate(data)
    assert data["schema"] == "lagebild/1"
    for key in ["doc_id", "lang", "published", "source", "kicker", "title", "lede", "text", "dropped",
                "entities", "places", "times", "quotes", "events"]:
        assert key in data


@pytest.mark.parametrize("breakage", [
    lambda d: d.pop("text"),
    lambda d: d.update(schema="lagebild/2"),
    lambda d: d.update(entities=[{"id": "e1", "name": "X", "type": "PERSON"}]),
    lambda d: d.update(times=[{"start": -1, "end": 2, "text": "x", "type": "DATE", "value": None}]),
])
def test_schema_rejects_broken_documents(breakage):
    data = Document(doc_id="x", lang="de", text="Text").to_json()
    breakage(data)
    with pytest.raises(jsonschema.ValidationError):
        validate(data)


def test_round_trip_through_json():
    data = Document(doc_id="x", lang="en", text="Hello", dropped=["Photo: X"]).to_json()
    assert Document.from_json(data).to_json() == data
