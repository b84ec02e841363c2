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
eval_app = typer.Typer(help="Evaluate the pipeline on annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
train_app = typer.Typer(help="Train the statistical models from shared/data.", no_args_is_help=True)
app.add_typer(train_app, name="train")

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
    """Process inputs in this process and store them, one transaction per document.

    Idempotent: a document already stored is skipped. `lagebild run` does the same in parallel.
    """
    opts = _options(lang, published, doc_id, max_bytes, allow_private)
    _store_run(paths, opts, db, quiet, label="ingest", workers=1, batch_size=1)


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


@app.command()
def explain(
    target: Annotated[str, typer.Argument(help="Stored document id (a unique prefix is enough) or a file path.")],
    db: DbOpt = None,
    lang: LangOpt = None,
    published: PublishedOpt = None,
) -> None:
    """Re-run the event coding on one document and show each sentence's pattern, roles and actor codes."""
    from lagebild.extract.event_explain import explain as explain_doc, reanalyse

    if Path(target).exists():
        from lagebild.process import Processor

        item = next(iter(read_inputs([target], _options(lang, published, None, None, False))), None)
        if item is None or isinstance(item, InputError):
            raise CliError(f"{target}: {item.reason if item is not None else 'no document'}")
        doc = Processor().document(item)
    else:
        store = _store(db)
        doc = store.get(target)
        if doc is None and len(target) >= 4:
            matches = [d["doc_id"] for d in store.documents(limit=2, prefix=target)]
            doc = store.get(matches[0]) if len(matches) == 1 else None
        if doc is None:
            raise CliError(f"{target}: no such document in {config.db_url(db)}")
    sys.stdout.write(explain_doc(reanalyse(doc)))


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
    token: Annotated[Optional[str], typer.Option(help="Bearer token for POST /api/documents [env LAGEBILD_API_TOKEN]; without one, writes are refused.")] = None,
    allow_private: PrivateOpt = False,
    max_bytes: Annotated[Optional[int], typer.Option("--max-bytes", help="Largest request body accepted [env LAGEBILD_MAX_BYTES; default 10 MB].")] = None,
) -> None:
    """Serve the store over HTTP: JSON API (OpenAPI docs at /docs) and web pages."""
    import os

    import uvicorn

    from lagebild.api import create_app

    store = _store(db)
    token = token or os.environ.get("LAGEBILD_API_TOKEN") or None
    app_ = create_app(store, token=token, allow_private=allow_private, max_body=config.max_bytes(max_bytes))
    writes = "writes need the token" if token else "read-only (no --token)"
    err.print(f"serving {config.db_url(db)} ({store.count()} documents) on http://{host}:{port}/ — {writes}")
    uvicorn.run(app_, host=host, port=port, log_level="warning")


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


class EngineChoice(str, Enum):
    local = "local"
    ray = "ray"


class ExportFormat(str, Enum):
    gdelt = "gdelt"
    plover = "plover"
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"


@app.command()
def run(
    paths: PathsArg,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1, help="Worker processes or Ray actors [default: number of CPUs].")] = None,
    db: DbOpt = None,
    engine: Annotated[EngineChoice, typer.Option("--engine", help="local: a process pool on this machine; ray: Ray Data actors.")] = EngineChoice.local,
    address: Annotated[Optional[str], typer.Option("--address", help="Ray cluster to join (default: start a local one).")] = None,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per worker batch and per store transaction.")] = 16,
    lang: LangOpt = None,
    published: PublishedOpt = None,
    max_bytes: MaxBytesOpt = None,
    allow_private: PrivateOpt = False,
    quiet: QuietOpt = False,
) -> None:
    """Process inputs in parallel and store them; resumable (a rerun stores only what is missing)."""
    import os

    opts = _options(lang, published, None, max_bytes, allow_private)
    n = workers or os.cpu_count() or 1
    _store_run(paths, opts, db, quiet, label=f"run ({engine.value}, {n} worker(s))", workers=n,
               batch_size=batch_size, engine=engine, address=address)


def _store_run(
    paths: list[str], opts: ReadOptions, db: str | None, quiet: bool, label: str, workers: int,
    batch_size: int, engine: EngineChoice | None = None, address: str | None = None,
) -> None:
    """Read, process and store through the engine runner, with progress and error lines."""
    from lagebild.engine.base import Failed
    from lagebild.engine.runner import run as run_engine

    engine = engine or EngineChoice.local
    store = _store(db)
    started_ray = False
    try:
        with _progress(quiet) as progress:
            task = progress.add_task(label, total=None, current="")

            def on_outcome(outcome) -> None:
                if isinstance(outcome, Failed):
                    _report(InputError(outcome.origin, outcome.reason))
                progress.update(task, advance=0 if isinstance(outcome, Failed) else 1, current=outcome.origin[-60:])

            if engine is EngineChoice.ray:
                try:
                    from lagebild.engine import ray as ray_engine
                except ImportError:
                    raise CliError("--engine ray needs Ray: pip install 'lagebild[ray]'") from None
                ray_engine.init(address, num_cpus=None if address else workers, quiet=quiet)
                started_ray = True
            summary = run_engine(
                paths, store, opts, engine=engine.value, workers=workers, batch_size=batch_size,
                address=address, quiet=quiet, on_outcome=on_outcome,
            )
    finally:
        if started_ray:
            import ray

            ray.shutdown()
        store.close()
    if not quiet and summary.skipped:
        err.print(f"{summary.skipped} already stored, skipped")
    _finish(summary.done, summary.failed, quiet, f"stored (run {summary.run_id})", shown=summary.stored)


@app.command()
def export(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="gdelt: GDELT 2.0 event rows (TSV); plover: PLOVER JSON Lines; csv/parquet: flat event table; jsonl: lagebild/1 documents.")],
    actor: Annotated[Optional[str], typer.Option(help="Country/org/actor code or entity name, as source or target.")] = None,
    root: Annotated[Optional[str], typer.Option(help="CAMEO root code, e.g. 04.")] = None,
    since: Annotated[Optional[str], typer.Option(help="Earliest event date (YYYY-MM-DD, YYYY-MM or YYYY).")] = None,
    until: Annotated[Optional[str], typer.Option(help="Latest event date (YYYY-MM-DD, YYYY-MM or YYYY).")] = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Output file (default: stdout; required for parquet).")] = None,
    db: DbOpt = None,
) -> None:
    """Export stored events or documents for other tools (GDELT, PLOVER, CSV, Parquet, lagebild/1 JSONL)."""
    from lagebild.export import export as do_export

    if fmt is ExportFormat.parquet and output is None:
        raise CliError("--format parquet needs --output FILE")
    store = _store(db)
    try:
        if output is None:
            n = do_export(store, fmt.value, sys.stdout, actor=actor, root=root, since=since, until=until)
        else:
            binary = fmt is ExportFormat.parquet
            with open(output, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
                n = do_export(store, fmt.value, fh, actor=actor, root=root, since=since, until=until)
    except ValueError as exc:
        raise CliError(str(exc)) from None
    finally:
        store.close()
    if output is not None:
        err.print(f"{n} record(s) exported to {output}")


@eval_app.command("spkatt")
def eval_spkatt(
    directory: Annotated[Path, typer.Argument(help="Folder (searched recursively) or file of SpkAtt 2023 task-2 JSON.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    limit: Annotated[Optional[int], typer.Option(help="Score only the first N files.")] = None,
) -> None:
    """Speaker attribution (cue, source, message; token overlap) on GermEval 2023 SpkAtt news files."""
    from lagebild.eval.spkatt import ROLES, evaluate, spkatt_files

    if not directory.exists():
        raise CliError(f"{directory}: no such file or folder")
    files = spkatt_files(directory)[:limit]
    if not files:
        raise CliError(f"{directory}: no SpkAtt JSON files")
    result = evaluate(files)
    if as_json:
        typer.echo(json.dumps(result, indent=1))
        return
    for key in (*ROLES, "overall"):
        r = result[key]
        typer.echo(f"{key:8s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")
    typer.echo(f"documents {result['documents']}")


@eval_app.command("ner")
def eval_ner(
    file: Annotated[Path, typer.Argument(help="A file in the GermEval 2014 NER format (outer spans are scored).")],
    lang: Annotated[str, typer.Option("--lang", help="Model language.")] = "de",
    model: Annotated[Optional[Path], typer.Option("--model", help="Model file (default: the shipped one).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Named-entity recognition: strict span P/R/F1 of the CRF model on a GermEval-format file."""
    from lagebild.eval.ner import evaluate

    if not file.exists():
        raise CliError(f"{file}: no such file")
    try:
        result = evaluate(file, lang, model)
    except FileNotFoundError as exc:
        raise CliError(str(exc)) from None
    if as_json:
        typer.echo(json.dumps(result, indent=1))
        return
    typer.echo(f"P {result['p']:.3f}  R {result['r']:.3f}  F1 {result['f1']:.3f}  "
               f"(tp {result['tp']} fp {result['fp']} fn {result['fn']}, {result['sentences']} sentences)")


@eval_app.command("timex")
def eval_timex(
    path: Annotated[Path, typer.Argument(help="WikiWarsDE: its .tar.xz, its folder, or keyinline/*.key.xml (TIMEX2 inline).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    no_dct: Annotated[bool, typer.Option("--no-dct", help="Tag without the documents' DATETIME as DCT.")] = False,
) -> None:
    """Temporal expressions: strict/relaxed span P/R/F1 and TIMEX2→TIMEX3 value accuracy on WikiWarsDE."""
    from lagebild.eval.timex import evaluate, read_corpus

    if not path.exists():
        raise CliError(f"{path}: no such file or folder")
    docs = read_corpus(path)
    if not docs:
        raise CliError(f"{path}: no TIMEX2 documents")
    result = evaluate(docs, use_dct=not no_dct)
    if as_json:
        typer.echo(json.dumps(result, indent=1))
        return
    for key in ("strict", "strict_noprep", "relaxed"):
        r = result[key]
        typer.echo(f"{key:13s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}")
    v = result["value"]
    typer.echo(f"value acc {v['acc']:.3f} over {v['n']} matches ({v['excluded']} excluded: {v['excluded_by']})")
    typer.echo(f"documents {result['documents']}, gold {result['gold']}, predicted {result['predicted']}, DCT {result['dct']}")


@eval_app.command("pos")
def eval_pos(
    files: Annotated[list[Path], typer.Argument(help="Universal Dependencies CoNLL-U file(s); language from the name (de_…, en_…).")],
    lang: Annotated[Optional[str], typer.Option("--lang", help="Language of all files (default: from each file name).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Part of speech: the analyze stage's coarse UPOS accuracy on UD files, with the main confusions."""
    from lagebild.eval.pos import evaluate

    for f in files:
        if not f.exists():
            raise CliError(f"{f}: no such file")
    result = evaluate(files, lang)
    if as_json:
        typer.echo(json.dumps(result, indent=1))
        return
    for name, r in result["files"].items():
        typer.echo(f"{name}: acc {r['acc']:.3f}  ({r.get('aligned', 0)} aligned, {r.get('unaligned', 0)} unaligned)")
    typer.echo(f"all: acc {result['acc']:.3f}  ({result['aligned']} aligned of {result['tokens']} tokens)")
    for tag, r in result["tags"].items():
        typer.echo(f"  {tag:6s} P {r['p']:.3f}  R {r['r']:.3f}  F1 {r['f1']:.3f}  gold {r['gold']}")
    typer.echo("confusions (gold → predicted): " + ", ".join(f"{c['gold']}→{c['pred']} {c['n']}" for c in result["confusions"]))


@train_app.command("ner")
def train_ner(
    lang: Annotated[list[str], typer.Option("--lang", help="Language(s) to train (default: de and en).")] = [],  # noqa: B006
    shared: Annotated[Optional[Path], typer.Option("--shared", help="The shared/ folder with data/ (default: ../shared).")] = None,
    out: Annotated[Optional[Path], typer.Option("--out", help="Model file (only with one --lang; default: the shipped path).")] = None,
    max_iterations: Annotated[Optional[int], typer.Option("--max-iterations", help="CRF training iterations.")] = None,
) -> None:
    """Train the CRF NER model(s) from shared/data and print held-out scores as JSON."""
    from lagebild.ner.train import train

    root = shared or Path(__file__).resolve().parents[1].parent / "shared"
    if not (root / "data").exists():
        raise CliError(f"{root}/data: not found (give --shared)")
    langs = lang or ["de", "en"]
    if out is not None and len(langs) != 1:
        raise CliError("--out needs exactly one --lang")
    for code in langs:
        typer.echo(json.dumps(train(code, root, out, max_iterations)))


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
