"""One input file -> its tables read with their layouts; many files -> one validation.

`read_input` is what every command uses to turn a file into typed tables and problems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bitcheck.errors import InputError, UnreadableFileError
from bitcheck.headers import Detection, alias_table, detect, match_columns
from bitcheck.io.files import expand_paths, is_glob
from bitcheck.io.raw import RawTable, SourceFile
from bitcheck.io.read import read_file
from bitcheck.parallel import OrderedMap
from bitcheck.problems import Problem
from bitcheck.progress import track
from bitcheck.settings import Settings
from bitcheck.tables import read_table
from bitcheck.tables.case_keys import resolve_case_keys
from bitcheck.tables.header_block import HeaderBlock, read_header_block
from bitcheck.validate import TableResult

if TYPE_CHECKING:
    import pandas as pd


KIND_CHECKED = frozenset({"tariffs"})  # a file given as this kind is also told freely
TOLD_WHEN_UNREAD = frozenset({"cases", "time_log"})  # ... when no sheet reads as the kind
PERSON_FIELDS = frozenset({"case_id", "cpr"})  # a case export names them; a catalogue never does


@dataclass
class InputResult:
    """One input file as read: its kind and layout, its tables, its problems."""

    path: str
    kind: str | None
    layout: str | None
    sha256: str | None
    encoding: str | None
    sheets: list[str] | None
    tables: list[TableResult] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    looks_like: str | None = None  # read as another kind, its header tells this one

    @property
    def rows_read(self) -> int:
        return sum(t.rows_read for t in self.tables)

    @property
    def rows_rejected(self) -> int:
        return sum(t.rows_rejected for t in self.tables)

    @property
    def rows_accepted(self) -> int:
        return self.rows_read - self.rows_rejected

    def frame(self) -> pd.DataFrame:
        """The accepted rows of every table, with the file and sheet they came from."""
        import pandas as pd  # not in the worker processes that read files

        frames = [t.frame.assign(_file=t.file, _sheet=t.sheet) for t in self.tables if len(t.frame)]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def all_problems(self) -> list[Problem]:
        return [*self.problems, *(p for t in self.tables for p in t.problems)]


def read_input(path: Path, display: str, kind: str | None, settings: Settings) -> InputResult:
    """Read a file named or found by the user; raises UnreadableFileError if it can't open."""
    source = read_file(path, display, max_sheet_cells=settings.max_sheet_cells)
    return read_source(source, kind, settings)


def unreadable(error: UnreadableFileError, kind: str | None) -> InputResult:
    """A file found inside a folder that cannot be opened: an error record, the run goes on."""
    problem = Problem(
        code="unreadable-file",
        file=error.file,
        params={"reason": error.reason, "detail": error.detail},
    )
    return InputResult(error.file, kind, None, None, None, None, problems=[problem])


def read_source(source: SourceFile, kind: str | None, settings: Settings) -> InputResult:
    aliases = settings.aliases.model_dump()
    result = InputResult(
        path=source.display,
        kind=kind,
        layout=None,
        sha256=source.sha256,
        encoding=source.encoding,
        sheets=None if source.file_format == "csv" else [],
        problems=list(source.problems),
    )
    detections = [(t, _detect(t, kind, aliases)) for t in source.tables]
    file_kind = kind or next((d.kind for _, d in detections if d is not None), None)
    result.kind = file_kind
    if kind in KIND_CHECKED or (kind in TOLD_WHEN_UNREAD and not any(d for _, d in detections)):
        # told again only when no sheet reads as the kind: a thousand time logs would pay
        result.looks_like = _looks_like(source.tables, kind, aliases)
    first_block: HeaderBlock | None = None  # made when a time-log sheet has no block of its own
    skipped: list[RawTable] = []
    for table, detection in detections:
        if detection is not None and detection.kind != file_kind:
            detection = _detect(table, file_kind, aliases)
        if detection is None:
            if table.cells:
                skipped.append(table)
            continue
        block = read_header_block(table, detection.index)
        if file_kind == "time_log" and not block.found:
            if first_block is None:
                first_block = _first_block(detections)
            block = first_block
        result.tables.append(read_table(table, detection, aliases, block))
        if result.sheets is not None and table.sheet is not None:
            result.sheets.append(table.sheet)
    result.layout = _layout(result.tables)
    result.problems.extend(_skipped(result, skipped, file_kind))
    return result


def _looks_like(
    tables: list[RawTable], kind: str, aliases: dict[str, dict[str, str]]
) -> str | None:
    """The kind the first recognised sheet tells on its own (contract.md's precedence), when it
    is not the kind the file was given as: a case export given as the tariff catalogue.

    A case export counts only with a case-id or CPR column: a catalogue with a paragraph and a
    start date reaches the case export's minimum of three columns too."""
    for table in tables:
        detection = _detect(table, None, aliases)
        if detection is None:
            continue
        if detection.kind == kind:
            return None
        if detection.kind == "cases" and detection.layout is not None:
            layout_aliases = alias_table(detection.layout, aliases.get("cases", {}))
            matched = match_columns(table, detection.index, layout_aliases).columns
            return "cases" if PERSON_FIELDS & set(matched) else None
        return detection.kind
    return None


def check_kind(inputs: list[InputResult], option: str) -> None:
    """A file whose header tells another kind than it was given as stops the run (exit 2)."""
    for result in inputs:
        if result.looks_like is not None:
            raise InputError(
                "wrong-kind",
                file=result.path,
                kind=result.looks_like,
                given=result.kind,
                option=option,
            )


def _detect(
    table: RawTable, kind: str | None, aliases: dict[str, dict[str, str]]
) -> Detection | None:
    return detect(table, kind, aliases) if table.cells else None


def _first_block(detections: list[tuple[RawTable, Detection | None]]) -> HeaderBlock:
    for table, detection in detections:
        if detection is not None and detection.kind == "time_log":
            block = read_header_block(table, detection.index)
            if block.found:
                return HeaderBlock(
                    cpr=block.cpr,
                    provider=block.provider,
                    period=block.period,
                    week=block.week,
                    found=True,
                )
    return HeaderBlock()


def _layout(tables: list[TableResult]) -> str | None:
    layouts = {t.layout for t in tables}
    if not layouts:
        return None
    return layouts.pop() if len(layouts) == 1 else "mixed"


def _skipped(result: InputResult, skipped: list[RawTable], kind: str | None) -> list[Problem]:
    """Sheets without a header: noted when another sheet was read, else one no-header error."""
    if result.tables:
        return [Problem(code="sheet-skipped", file=t.file, sheet=t.sheet) for t in skipped]
    if any(p.is_error for p in result.problems):
        return []  # the file's own error (a sheet too large) already says why nothing was read
    return [Problem(code="no-header", file=result.path, params={"kind": kind or "any"})]


@dataclass
class ValidationRun:
    """What `bitcheck validate` found: every input with its tables and problems."""

    inputs: list[InputResult]
    unknown_kind: list[str] = field(default_factory=list)  # files named whose kind can't be told
    wrong_kind: list[InputResult] = field(default_factory=list)  # files named, another kind


def read_inputs(arguments: list[str], kind: str | None, settings: Settings) -> ValidationRun:
    """Read every file named, in every folder (recursively) and glob given.

    A file named on the command line that cannot be opened stops the run (UnreadableFileError);
    one found in a folder or glob becomes an `unreadable-file` error record.
    """
    return Reading(arguments, kind, settings).finish()


class Reading:
    """read_inputs begun: worker processes (when that pays) read while the caller goes on."""

    def __init__(self, arguments: list[str], kind: str | None, settings: Settings) -> None:
        self.arguments = arguments
        self.kind = kind
        self.jobs: list[ReadJob] = []
        for argument in arguments:
            path_given = Path(argument)
            named = path_given.is_file() or not (path_given.exists() or is_glob(argument))
            self.jobs += [
                ReadJob(path, display, named, kind, settings)
                for path, display in expand_paths(argument)
            ]
        self._outcomes = OrderedMap(read_job, self.jobs)

    def finish(self) -> ValidationRun:
        """Every file's result, in the order given; see read_inputs."""
        run = ValidationRun(inputs=[])
        outcomes = track(self._outcomes, "Læser filer", len(self.jobs))
        try:
            for job, outcome in zip(self.jobs, outcomes, strict=True):
                if isinstance(outcome, UnreadableFileError):
                    if job.named:
                        raise outcome
                    outcome = unreadable(outcome, self.kind)
                if job.named and outcome.kind is None:
                    run.unknown_kind.append(job.display)
                if job.named and outcome.looks_like is not None:
                    run.wrong_kind.append(outcome)
                run.inputs.append(outcome)
        finally:
            self.cancel()
        return run

    def cancel(self) -> None:
        """Stop reading: the run ends without these files."""
        self._outcomes.cancel()


@dataclass(frozen=True)
class ReadJob:
    """One file to read, with everything a worker process needs to read it."""

    path: Path
    display: str
    named: bool
    kind: str | None
    settings: Settings


def read_job(job: ReadJob) -> InputResult | UnreadableFileError:
    """Read one file; an unreadable file is returned, not raised, so that order is kept."""
    try:
        return read_input(job.path, job.display, job.kind, job.settings)
    except UnreadableFileError as error:
        return error


def validate_files(arguments: list[str], kind: str | None, settings: Settings) -> ValidationRun:
    """Read every file against the input contract, case keys resolved across case files."""
    import datetime as dt

    from bitcheck.catalogue import build_catalogue, count_rejections

    run = read_inputs(arguments, kind, settings)
    resolve_case_keys([t for r in run.inputs if r.kind == "cases" for t in r.tables])
    tariffs = [r for r in run.inputs if r.kind == "tariffs"]
    if tariffs:  # overlapping validity periods reject rows; gaps and undated rows are noted
        tables = [t for r in tariffs for t in r.tables]
        catalogue = build_catalogue(tables, dt.date.today())
        count_rejections(tables, catalogue)
        tariffs[0].problems.extend(catalogue.problems)
    _note_duplicate_entries([r for r in run.inputs if r.kind == "time_log"])
    return run


def _note_duplicate_entries(logs: list[InputResult]) -> None:
    """The notes the time-log summary makes about entries logged twice (in one file or in two),
    each on the file it names, so that validate lists every note audit and timelog give."""
    from bitcheck.timelog.entries import collect_entries

    if not logs:
        return
    by_path = {result.path: result for result in logs}
    _, notes = collect_entries([t for result in logs for t in result.tables])
    for note in notes:
        by_path.get(note.file, logs[0]).problems.append(note)
