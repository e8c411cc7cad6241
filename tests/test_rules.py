"""What holds across the 17 rules: the catalogue itself, precedence, the summary, watch items.

The rules one by one: test_rules_need_tariff.py (N, T), test_rules_delivery.py (D) and
test_rules_review.py (R). Defaults are in rule_fixtures.py.
"""

from __future__ import annotations

import pytest

from bitcheck.audit.rules import RULES
from bitcheck.pseudonyms import Pseudonymizer
from bitcheck.report.audit_build import build_audit_report
from bitcheck.report.audit_models import AuditReport
from bitcheck.settings import Settings
from rule_fixtures import (
    OTHER_CPR,
    audit,
    case,
    cases,
    catalogue,
    direct_minutes,
    outcome,
    report,
    state,
    time_log,
)

CATALOGUE = [  # rules.md "Rules": code, name, direction, severity
    ("N1", "need-above-grant", "citizen", "high"),
    ("N2", "need-below-grant", "payment", "medium"),
    ("T1", "tariff-above-model", "payment", "medium"),
    ("T2", "tariff-below-model", "citizen", "medium"),
    ("T3", "special-tariff-without-hours", "payment", "medium"),
    ("T4", "special-tariff-undocumented", "process", "low"),
    ("T5", "no-tariff-model", "data", "low"),
    ("D1", "delivery-shortfall", "payment", "high"),
    ("D2", "delivery-above-grant", "citizen", "high"),
    ("D3", "no-time-log", "data", "low"),
    ("D4", "time-log-too-short", "data", "low"),
    ("D5", "time-log-implausible", "data", "medium"),
    ("R1", "review-overdue", "process", "medium"),
    ("R2", "never-reviewed", "process", "high"),
    ("R3", "temporary-stay-long", "process", "medium"),
    ("R4", "grant-expired", "payment", "high"),
    ("R5", "goals-missing", "process", "low"),
]


def test_rule_catalogue_matches_rules_md() -> None:
    registered = [(r.code, r.name, r.direction.value, r.severity.value) for r in RULES.values()]
    assert registered == CATALOGUE


def test_a_quiet_case_fires_nothing() -> None:
    run = audit(case(), catalogue(), [time_log(direct_minutes(1200))])
    assert {code: o.status for code, o in run.outcomes["S1"].items()} == dict.fromkeys(
        RULES, "silent"
    )


# An ended grant -------------------------------------------------------------------------


def everything_wrong(**fields: str | None) -> str:
    """A 107 case on which N1, T1, T3, T4, D3, R2, R3 and R5 fire while the grant runs."""
    return case(
        paragraph="107",
        grant_start="01-01-2024",  # a stay of more than 24 months
        need_level="4",  # above need_max 3
        base_tariff="600,00",  # 1600 against 1500
        special_tariff="300,00",  # without extra hours, undocumented, no log
        special_documented="nej",
        last_review="",
        next_review="",
        goals="",
        **fields,
    )


def test_a_case_fires_many_rules_while_its_grant_runs() -> None:
    run = audit(everything_wrong(), catalogue(), [time_log(direct_minutes(600), cpr=OTHER_CPR)])
    fired = {code for code, o in run.outcomes["S1"].items() if o.fired}
    assert fired == {"N1", "T1", "T3", "T4", "D3", "R2", "R3", "R5"}


def test_an_ended_grant_silences_every_rule_but_r4() -> None:
    run = audit(
        everything_wrong(grant_end="31-10-2026"),
        catalogue(),
        [time_log(direct_minutes(600), cpr=OTHER_CPR)],
    )
    statuses = {code: o.status for code, o in run.outcomes["S1"].items()}
    assert statuses == {**dict.fromkeys(RULES, "silent"), "R4": "fired"}
    # billed 1000 + 600 + 300 = 1900 DKK/day; annual 1900 x 365 = 693 500
    assert outcome(run, "R4").annual_amount == 693_500.0


def test_an_ended_grant_comes_before_missing_columns_and_inputs() -> None:
    absent = {"goals": None, "last_review": None, "next_review": None, "special_documented": None}
    run = audit(case(grant_end="31-10-2026", need_level=None, **absent))  # no catalogue, no logs
    for code in RULES:
        if code != "R4":
            assert state(run, code)[0] == "silent", code


def test_a_grant_ending_on_the_audit_date_has_not_ended() -> None:
    run = audit(case(grant_end="24-11-2026", goals=""))
    assert (state(run, "R5")[0], state(run, "R4")[0]) == ("fired", "silent")


# Precedence: no-column, then silent, then the other reasons in the table's order --------


def test_a_missing_column_comes_before_a_silent_condition() -> None:
    # special tariff absent: its default 0 would make T3 and T4 silent, but the column is missing
    run = audit(case(special_tariff=None), None, [time_log(direct_minutes(600))])
    assert state(run, "T3") == ("not_evaluated", "no-column")
    assert state(run, "T4") == ("not_evaluated", "no-column")


def test_a_missing_column_comes_before_a_missing_input() -> None:
    run = audit(case(special_tariff="300,00", special_documented=None))  # and no time logs
    assert state(run, "T4") == ("not_evaluated", "no-column")


@pytest.mark.parametrize(
    ("code", "fields"),
    [
        ("T4", {"special_tariff": ""}),  # no special tariff, no time logs
        ("T5", {"level": ""}),  # no level, no catalogue
        ("D3", {"special_tariff": "", "extra_hours_week": ""}),  # nothing to log, no logs
        ("R1", {"last_review": "", "next_review": ""}),  # no due date
        ("R4", {"basic_tariff": "", "base_tariff": ""}),  # grant not ended, nothing billed
    ],
)
def test_a_silent_condition_comes_before_a_missing_input(code: str, fields: dict[str, str]) -> None:
    assert state(audit(case(**fields)), code) == ("silent", None)


def test_an_empty_cell_is_data_and_a_missing_column_is_not() -> None:
    empty = audit(case(goals="", grant_start="01-01-2025", last_review="", next_review=""))
    absent = audit(case(goals=None, grant_start="01-01-2025", last_review=None, next_review=None))
    assert (state(empty, "R5")[0], state(empty, "R2")[0]) == ("fired", "fired")
    assert (state(absent, "R5")[1], state(absent, "R2")[1]) == ("no-column", "no-column")


def test_a_case_export_in_xlsx_reads_as_the_csv_does() -> None:
    rows = ({"case_id": "S1", "base_tariff": "600,00"}, {"case_id": "S2", "goals": ""})
    from_csv = audit(cases(*rows), catalogue())
    from_xlsx = audit(cases(*rows, xlsx=True), catalogue())
    assert from_xlsx.outcomes == from_csv.outcomes


# Citizen and payment amounts are summed apart ----------------------------------------------


def test_citizen_and_payment_amounts_are_summed_apart_never_netted() -> None:
    run = audit(
        cases(
            {"case_id": "S1", "base_tariff": "350,00"},  # T2: (1500 - 1350) x 365 = 54 750
            {"case_id": "S2", "cpr": OTHER_CPR, "base_tariff": "600,00"},  # T1: 100 x 365
            {"case_id": "S3", "base_tariff": "400,00"},  # T2: (1500 - 1400) x 365 = 36 500
        ),
        catalogue(),
    )
    by_direction = report(run).summary.by_direction
    assert list(by_direction)[:2] == ["citizen", "payment"]
    citizen, payment = by_direction["citizen"], by_direction["payment"]
    assert (citizen.findings, citizen.cases, citizen.annual_amount) == (2, 2, 91_250.0)
    assert (payment.findings, payment.cases, payment.annual_amount) == (1, 1, 36_500.0)
    assert [f.direction for f in report(run).findings] == ["citizen", "citizen", "payment"]


def test_a_direction_without_amounts_has_a_null_amount() -> None:
    run = audit(case(need_level="4"), catalogue())  # N1: citizen, no amount
    citizen = report(run).summary.by_direction["citizen"]
    assert (citizen.findings, citizen.annual_amount) == (1, None)


def test_summary_counts_not_evaluated_rules_per_code() -> None:
    summary = report(audit(cases({"case_id": "S1"}, {"case_id": "S2"}))).summary
    assert summary.not_evaluated["T1"] == 2  # no catalogue
    assert summary.not_evaluated["D1"] == 2  # no time logs
    assert summary.not_evaluated["R1"] == 0


# Watch items -----------------------------------------------------------------------------


def watched(run_report: AuditReport) -> list[tuple[str, object]]:
    """(code, margin) of each watch item."""
    return [(w.code, w.margin) for w in run_report.watch]


def test_an_exact_tariff_match_is_never_a_watch_item() -> None:
    run = audit(case(), catalogue())  # ratio 1.0: margin -0.02 for T1 and T2, yet no watch
    assert watched(report(run)) == []


def test_a_tariff_billed_to_the_oere_of_the_expected_is_no_watch_item() -> None:
    """An expected DKK/day with more decimals than money has (a weekly price / 7) is matched by
    the amount billed to the øre; one øre off is a near miss."""
    exact = audit(case(), catalogue(base_tariff=500.002))  # expected 1,500.002, billed 1,500.00
    assert watched(report(exact)) == []
    one_oere = audit(case(), catalogue(base_tariff=500.01))  # expected 1,500.01
    assert watched(report(one_oere)) == [("T2", pytest.approx(0.98 - 1500 / 1500.01))]


def test_t1_near_miss_is_a_watch_item() -> None:
    run = audit(case(base_tariff="530,00"), catalogue(), settings=Settings(tariff_tolerance=0.05))
    # ratio 1530 / 1500 = 1.02; margin 1.02 - 1.05 = -0.03, within the band of 0.05
    ((code, margin),) = watched(report(run))
    assert (code, margin) == ("T1", pytest.approx(-0.03))
    assert report(run).watch[0].direction == "payment"


def test_a_ratio_below_one_is_no_t1_watch_item_but_a_t2_one() -> None:
    run = audit(case(base_tariff="485,00"), catalogue())
    # ratio 1485 / 1500 = 0.99. T1: margin 0.99 - 1.02 = -0.03 but below 1, not T1's side.
    # T2: margin 0.98 - 0.99 = -0.01, on T2's side: a watch item
    assert watched(report(run)) == [("T2", pytest.approx(-0.01))]


def test_an_exact_delivery_match_is_never_a_watch_item() -> None:
    settings = Settings(delivery_tolerance=0.03)  # ratio 1.0: margin -0.03 for D1 and D2
    run = audit(case(), catalogue(), [time_log(direct_minutes(1200))], settings)
    assert watched(report(run)) == []


def test_d1_near_miss_is_a_watch_item() -> None:
    run = audit(case(), catalogue(), [time_log(direct_minutes(1056))])
    # 1056 / 120 = 8.8 h/week of 10; margin 0.85 - 0.88 = -0.03
    assert watched(report(run)) == [("D1", pytest.approx(-0.03))]


def test_r1_due_in_ten_days_is_a_watch_item() -> None:
    run = audit(case(next_review="04-12-2026"))  # 04-12 - 24-11 = 10 days ahead
    assert watched(report(run)) == [("R1", -10.0)]


@pytest.mark.parametrize(
    ("next_review", "watch"), [("24-12-2026", [("R1", -30.0)]), ("25-12-2026", [])]
)
def test_r1_watch_reaches_30_days_ahead(next_review: str, watch: list[object]) -> None:
    assert watched(report(audit(case(next_review=next_review)))) == watch


def test_r2_never_reviewed_due_in_five_days_is_a_watch_item() -> None:
    run = audit(case(grant_start="29-11-2025", last_review="", next_review=""))  # due 29-11-2026
    assert watched(report(run)) == [("R2", -5.0)]


def test_r3_due_on_the_audit_date_is_a_watch_item() -> None:
    run = audit(case(paragraph="107", grant_start="24-11-2024", last_review="01-09-2026"))
    assert watched(report(run)) == [("R3", 0.0)]


def explained_watch(run_report: AuditReport) -> list[str]:
    return [w.explanation for w in run_report.watch]


def test_a_date_rule_watch_item_tells_the_days_left() -> None:
    r1 = audit(case(next_review="04-12-2026"))
    assert explained_watch(report(r1)) == [
        "Nær grænsen: Opfølgning skal ske senest 04-12-2026; om 10 dage."
    ]
    english = build_audit_report(r1, Pseudonymizer(bytes(32), "test"), reveal_cpr=False, lang="en")
    assert explained_watch(english) == [
        "Near the threshold: A follow-up is due on 2026-12-04; in 10 days."
    ]
    r2 = audit(case(grant_start="25-11-2025", last_review="", next_review=""))  # due in 1 day
    assert explained_watch(report(r2)) == [
        "Nær grænsen: Ingen opfølgning registreret; den første skal ske senest 25-11-2026 (om 1 dag)."
    ]
    r3 = audit(case(paragraph="107", grant_start="24-11-2024", last_review="01-09-2026"))
    assert explained_watch(report(r3)) == [
        "Nær grænsen: Midlertidigt ophold efter § 107 siden 24-11-2024; de 24 måneder udløber "
        "24-11-2026 (i dag)."
    ]
