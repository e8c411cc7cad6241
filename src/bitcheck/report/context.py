"""What a reader needs beside the findings to read an audit: its thresholds (rules.md prints them
in every report) and the inputs that were not given (cli.md: "the report says so")."""

from __future__ import annotations

from bitcheck import i18n
from bitcheck.audit.rules import CATALOGUE_ORDER
from bitcheck.report.audit_models import AuditReport

THRESHOLDS = (
    "tariff_tolerance", "delivery_tolerance", "min_log_days", "review_months_default",
    "temporary_stay_months", "watch_band", "watch_review_days",
)  # fmt: skip
NOT_GIVEN = (("no-catalogue", "not-given-tariffs"), ("no-time-logs", "not-given-timelogs"))


def thresholds_text(report: AuditReport, lang: str) -> str:
    """`Tærskler (bitcheck.toml): tariff_tolerance 0,02, ...`, as set for this run."""
    settings = report.settings
    values = []
    for key in THRESHOLDS:
        text = f"{key} {setting_number(settings[key], lang)}"
        if key == "review_months_default" and settings.get("review_months"):
            by_paragraph = ", ".join(
                f"§ {paragraph}: {months}"
                for paragraph, months in settings["review_months"].items()
            )
            text += f" ({by_paragraph})"
        values.append(text)
    return i18n.message("thresholds", lang, values=", ".join(values))


def not_given_texts(report: AuditReport, lang: str) -> list[str]:
    """One sentence per input that was not given, naming the rules it left unevaluated."""
    texts = []
    for reason, key in NOT_GIVEN:
        codes = {item.code for case in report.cases for item in case.not_evaluated
                 if item.reason == reason}  # fmt: skip
        if codes:
            ordered = [code for code in CATALOGUE_ORDER if code in codes]
            texts.append(i18n.message(key, lang, codes=", ".join(ordered)))
    return texts


def setting_number(value: object, lang: str) -> str:
    """A threshold as set, every decimal kept: 0,02 in Danish, 0.02 in English."""
    if not isinstance(value, float):
        return str(value)
    decimals = len(f"{value:.10f}".rstrip("0").partition(".")[2])
    return i18n.number(value, lang, decimals)
