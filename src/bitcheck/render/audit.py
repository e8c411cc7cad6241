"""The audit report in every format: one entry point, one module per format."""

from __future__ import annotations

from pathlib import Path

from bitcheck.render.output import emit, write_atomic
from bitcheck.report.audit_models import AuditReport
from bitcheck.report.timelog import report_json

SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2}


def has_severity(report: AuditReport, least: str) -> bool:
    """A finding of that severity or higher (counted before any filter; watch items never)."""
    return any(SEVERITY_RANK[f.severity] >= SEVERITY_RANK[least] for f in report.findings)


def write(
    report: AuditReport,
    output_format: str,
    output: Path | None,
    lang: str,
    *,
    reveal_cpr: bool,
    by_provider: bool = False,
) -> None:
    if output_format == "json":
        emit(report_json(report, reveal_cpr=reveal_cpr), output)
    elif output_format == "markdown":
        from bitcheck.render.audit_markdown import render_markdown

        emit(render_markdown(report, lang, by_provider), output)
    elif output_format == "csv":
        from bitcheck.render.audit_csv import render_csv

        data = render_csv(report, lang, reveal_cpr=reveal_cpr)
        if output is None:
            import sys

            sys.stdout.flush()
            sys.stdout.buffer.write(data)  # with its byte-order mark, as in a file
            sys.stdout.buffer.flush()
        else:
            write_atomic(output, data)
    elif output_format == "xlsx":
        from bitcheck.render.excel import workbook_bytes

        assert output is not None
        write_atomic(output, workbook_bytes(report, lang, reveal_cpr=reveal_cpr))
    else:
        from bitcheck.render.audit_terminal import render_terminal_summary

        emit(render_terminal_summary(report, lang, by_provider), output)
