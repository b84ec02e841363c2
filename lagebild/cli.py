"""The `lagebild` command line: one thin function per command over the package's modules."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from lagebild import __version__, config
from lagebild.doc import Document, json_schema
from lagebild.ingest import ReadOptions, read_inputs
from lagebild.ingest.base import InputError, RawDoc

app = typer.Typer(
    help="lagebild: German and English news → actors, places, times, quotes and CAMEO/PLOVER events, with evidence.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
kb_app = typer.Typer(help="Knowledge base: countries, places, organisations, office holders.", no_args_is_help=True)
app.add_typer(kb_app, name="kb")

err = Console(stderr=True, highlight=False)
_state = {"debug": False}


class OutFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


class TableFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 1 (traceback only with --debug)."""


DbOpt = Annotated[Optional[str], typer.Option("--db", help="Database URL or SQLite path [env LAGEBILD_DB; default ./lagebild.db].")]
PathsArg = Annotated[list[str], typer.Argument(help="Files, directories, globs or http(s) URLs.", show_default=False)]
LangOpt = Annotated[Optional[str], typer.Option("--lang", help="Language of all inputs (de|en); default: detected.")]
PublishedOpt = Annotated[Optional[str], typer.Option("--published", help="Publication date (YYYY-MM-DD) for all inputs.")]
IdOpt = Annotated[Optional[str], typer.Option("--id", help="Document id (default: sha256 of the cleaned text).")]
MaxBytesOpt = Annotated[Optional[int], typer.Option("--max-bytes", help="Refuse inputs larger than this [env LAGEBILD_MAX_BYTES; default 10 MB].")]
PrivateOpt = Annotated[bool, typer.Option("--allow-private", help="Allow URLs on loopback/private addresses.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary (for scripts).")]


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    _state["debug"] = debug
    if version:
        typer.echo(f"lagebild {__version__}")
        raise typer.Exit()


def _options(lang: str | None, published: str | None, doc_id: str | None, max_bytes: int | None, allow_private: bool) -> ReadOptions:
    if published is not None:
        from datetime import date

        try:
            date.fromisoformat(published)
        except ValueError:
            raise CliError(f"--published: {published!r} is not a date like 2024-10-14") from None
    if lang is not None:
        from lagebild import lang as langdata

        if lang not in langdata.languages():
            raise CliError(f"--lang: {lang!r} is not supported (have: {', '.join(langdata.languages())})")
    return ReadOptions(max_bytes=config.max_bytes(max_bytes), allow_private=allow_private, lang=lang, published=published, doc_id=doc_id)


def _progress(quiet: bool) -> Progress:
    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        TextColumn("{task.fields[current]}", style="dim"),
        console=err, transient=True, disable=quiet,
    )


def _documents(paths: list[str], opts: ReadOptions, quiet: bool, label: str) -> Iterator[tuple[str, Document | InputError]]:
    """Read, clean and analyse every input; failures come back as InputError values."""
    from lagebild.process import Processor

    processor = Processor()
    with _progress(quiet) as progress:
        task = progress.add_task(label, total=None, current="")
        for item in read_inputs(paths, opts):
            if isinstance(item, InputError):
                yield item.origin, item
                continue
            progress.update(task, current=item.origin[-60:])
            yield item.origin, _process_one(processor, item)
            progress.advance(task)


def _process_one(processor, raw: RawDoc) -> Document | InputError:
    try:
        return processor(raw)
    except Exception as exc:  # one bad document must not stop the batch
        if _state["debug"]:
            err.print_exception()
        return InputError(raw.origin, _reason(exc))


def _reason(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def _report(error: InputError) -> None:
    err.print(f"[red]error[/red]: {error.origin}: {error.reason}", soft_wrap=True, markup=True)


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[OutFormat, typer.Option("--format", "-f", help="json: one object (an array for several); jsonl: one per line.")] = OutFormat.json,
    lang: LangOpt = None,
    published: PublishedOpt = None,
    doc_id: IdOpt = None,
    max_bytes: MaxBytesOpt = None,
    allow_private: PrivateOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Print inputs as lagebild/1 JSON without storing them."""
    opts = _options(lang, published, doc_id, max_bytes, allow_private)
    ok = failed = 0
    docs: list[dict] = []
    for _, result in _documents(paths, opts, quiet, "extract"):
        if isinstance(result, InputError):
            failed += 1
            _report(result)
            continue
        ok += 1
        if fmt is OutFormat.jsonl:
            sys.stdout.write(json.dumps(result.to_json(), ensure_ascii=False) + "\n")
            sys.stdout.flush()
        else:
            docs.append(result.to_json())
    if fmt is OutFormat.json and docs:
        out = docs[0] if len(docs) == 1 else docs
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    _finish(ok, failed, quiet, "extracted")


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = None,
    lang: LangOpt = None,
    published: PublishedOpt = None,
    doc_id: IdOpt = None,
    max_bytes: MaxBytesOpt = None,
    allow_private: PrivateOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Process inputs and store them (idempotent: a document already stored is skipped)."""
    opts = _options(lang, published, doc_id, max_bytes, allow_private)
    store = _store(db)
    ok = failed = skipped = 0
    for origin, result in _documents(paths, opts, quiet, "ingest"):
        if isinstance(result, InputError):
            failed += 1
            _report(result)
            store.record_failure(result.origin, result.reason)
            continue
        try:
            added = store.add(result, origin=origin)
        except Exception as exc:
            if _state["debug"]:
                err.print_exception()
            failed += 1
            _report(InputError(origin, f"not stored: {_reason(exc)}"))
            store.record_failure(origin, _reason(exc), doc_id=result.doc_id)
            continue
        ok += added
        skipped += not added
    if not quiet and skipped:
        err.print(f"{skipped} already stored, skipped")
    _finish(ok + skipped, failed, quiet, "stored", shown=ok)


def _finish(ok: int, failed: int, quiet: bool, verb: str, shown: int | None = None) -> None:
    if not quiet:
        err.print(f"{shown if shown is not None else ok} document(s) {verb}, {failed} failed")
    if ok == 0 and failed:
        raise typer.Exit(1)
    if ok == 0 and not failed:
        raise CliError("no input documents found")


def _store(db: str | None):
    from lagebild.store import Store

    store = Store(config.db_url(db))
    store.migrate()
    return store


@app.command()
def show(doc_id: Annotated[str, typer.Argument(help="Document id (a unique prefix is enough).")], db: DbOpt = None) -> None:
    """Print one stored document as lagebild/1 JSON."""
    store = _store(db)
    doc = store.get(doc_id)
    if doc is None:
        matches = [d["doc_id"] for d in store.documents(limit=2, prefix=doc_id)] if len(doc_id) >= 4 else []
        if len(matches) == 1:
            doc = store.get(matches[0])
        elif len(matches) > 1:
            raise CliError(f"{doc_id}: ambiguous document id prefix")
    if doc is None:
        raise CliError(f"{doc_id}: no such document in {config.db_url(db)}")
    sys.stdout.write(doc.dumps(indent=2) + "\n")


EVENT_COLUMNS = ["doc_id", "event_id", "date", "source_code", "cameo", "target_code", "goldstein", "quad", "place", "modality", "rule", "evidence"]


@app.command()
def events(
    actor: Annotated[Optional[str], typer.Option(help="Country/org/actor code or entity name, as source or target.")] = None,
    root: Annotated[Optional[str], typer.Option(help="CAMEO root code, e.g. 04.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest event date (YYYY-MM-DD).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest event date (YYYY-MM-DD).")] = None,
    limit: Annotated[Optional[int], typer.Option(help="At most this many rows.")] = None,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table,
    db: DbOpt = None,
) -> None:
    """List stored events, filtered."""
    try:
        rows = _store(db).events(actor=actor, root=root, since=since, until=until, limit=limit)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    if fmt is TableFormat.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt is TableFormat.csv:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=EVENT_COLUMNS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        sys.stdout.write(buf.getvalue())
    else:
        table = Table(*EVENT_COLUMNS[2:11], title=f"{len(rows)} event(s)")
        for r in rows:
            table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in EVENT_COLUMNS[2:11]))
        Console().print(table)


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 8000,
) -> None:
    """Serve the store over HTTP (JSON API; OpenAPI docs at /docs)."""
    import uvicorn

    from lagebild.api import create_app

    store = _store(db)
    err.print(f"serving {config.db_url(db)} ({store.count()} documents) on http://{host}:{port}/")
    uvicorn.run(create_app(store), host=host, port=port, log_level="warning")


@kb_app.command("build")
def kb_build(
    user_files: Annotated[Optional[list[Path]], typer.Argument(help="Your own YAML files (format: lagebild/kb/README.md).", show_default=False)] = None,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Where to write the index (default: the one shipped in the package).")] = None,
) -> None:
    """Build the knowledge-base index from our sources, CLDR, GeoNames and your own files."""
    from lagebild.kb.build import build

    for f in user_files or []:
        if not f.is_file():
            raise CliError(f"{f}: no such file")
    path = build(out, user_files or [])
    err.print(f"knowledge base written to {path} ({path.stat().st_size / 1e6:.1f} MB)")


@app.command()
def schema() -> None:
    """Print the JSON Schema of lagebild/1."""
    sys.stdout.write(json.dumps(json_schema(), ensure_ascii=False, indent=1) + "\n")


def main() -> None:
    """Entry point: run the app, turning user-facing errors into one line without a traceback."""
    try:
        app()
    except CliError as exc:
        err.print(f"[red]error[/red]: {exc}", soft_wrap=True)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("interrupted")
        sys.exit(130)
    except Exception as exc:
        if _state["debug"]:
            raise
        err.print(f"[red]error[/red]: {type(exc).__name__}: {_reason(exc)} (run with --debug for the traceback)", soft_wrap=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
