"""ingest stage of lagebild: input specs (files, directories, globs, URLs) to RawDocs.

Entry point: ``read_inputs(specs, ReadOptions(...))`` yields a `RawDoc` per article and an
`InputError` per failed input; it never raises for bad input.
"""

from lagebild.ingest.base import InputError, InputRefused, RawDoc, RawKind
from lagebild.ingest.decode import decode_bytes
from lagebild.ingest.read import ReadOptions, read_bytes, read_inputs

__all__ = [
    "InputError",
    "InputRefused",
    "RawDoc",
    "RawKind",
    "ReadOptions",
    "decode_bytes",
    "read_bytes",
    "read_inputs",
]
