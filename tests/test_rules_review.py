"""R1-R5: follow-up, temporary stays, ended grants and goals, with the months arithmetic.

The audit date is 24-11-2026 unless a test says otherwise. Review interval: 12 months,
6 for paragraphs 103 and 107 (Settings defaults).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bitcheck.settings import Settings
from rule_fixtures import audit, case, cases, finding, numbers, outcome, state

NO_REVIEW = {"last_review": "", "next_review": ""}


# R1 review-overdue -----------------------------------------------------------------------


def test_r1_fires_when_next_review_is_the_day_before_the_audit_date() -> None:
    run = audit(case(last_review="", next_review="23-11-2026"))
    # due 23-11-2026, observed next_review (no last_review), 24-11 - 23-11 = 1 day overdue
    assert numbers(outcome(run, "R1")) == ("fired", "2026-11-23", "2026-11-23", None, 1.0, None)
    found = finding(run, "R1")
    assert (found.direction, found.unit, found.margin_unit) == ("process", "date", "days")


def test_r1_is_silent_when_the_review_is_due_on_the_audit_date() -> None:
    run = audit(case(last_review="", next_review="24-11-2026"))
    assert numbers(outcome(run, "R1"))[:2] == ("silent", "2026-11-24")
    assert outcome(run, "R1").margin == 0.0


def test_r1_due_is_last_review_plus_twelve_months() -> None:
    run = audit(case(last_review="23-11-2025"))  # + 12 months = 23-11-2026
    assert numbers(outcome(run, "R1")) == ("fired", "2026-11-23", "2025-11-23", None, 1.0, None)


def test_r1_last_review_twelve_months_before_the_audit_date_is_not_overdue() -> None:
    run = audit(case(last_review="24-11-2025"))  # due 24-11-2026 = the audit date
    assert state(run, "R1") == ("silent", None)


@pytest.mark.parametrize("paragraph", ["§ 103", "SEL § 107"])
def test_r1_interval_is_six_months_for_103_and_107(paragraph: str) -> None:
    run = audit(case(paragraph=paragraph, last_review="23-05-2026"))  # + 6 = 23-11-2026
    assert numbers(outcome(run, "R1"))[:2] == ("fired", "2026-11-23")


def test_r1_next_review_is_used_before_last_review_plus_interval() -> None:
    run = audit(case(last_review="01-01-2025", next_review="01-12-2026"))
    # due 01-12-2026 although 01-01-2025 + 12 months has passed; observed is last_review
    assert numbers(outcome(run, "R1"))[:3] == ("silent", "2026-12-01", "2025-01-01")


def test_r1_review_months_per_paragraph_from_settings() -> None:
    both = cases(
        {"case_id": "S1", "paragraph": "108", "last_review": "01-08-2026"},
        {"case_id": "S2", "paragraph": "107", "last_review": "01-08-2026"},
    )
    run = audit(both, settings=Settings(review_months={"108": 3}))
    # 108: 01-08-2026 + 3 months = 01-11-2026, 23 days overdue
    assert numbers(outcome(run, "R1", "S1"))[:2] == ("fired", "2026-11-01")
    assert outcome(run, "R1", "S1").margin == 23.0
    # 107 keeps its default of 6: 01-08-2026 + 6 months = 01-02-2027
    assert numbers(outcome(run, "R1", "S2"))[:2] == ("silent", "2027-02-01")


def test_review_months_default_is_a_setting() -> None:
    run = audit(case(last_review="01-08-2026"), settings=Settings(review_months_default=3))
    assert numbers(outcome(run, "R1"))[:2] == ("fired", "2026-11-01")


@pytest.mark.parametrize(
    ("as_of", "status"),
    [(dt.date(2026, 2, 28), "silent"), (dt.date(2026, 3, 1), "fired")],
)
def test_r1_adding_a_month_to_31_january_clamps_to_28_february(as_of: dt.date, status: str) -> None:
    run = audit(
        case(last_review="31-01-2026"), settings=Settings(review_months={"108": 1}), as_of=as_of
    )
    assert numbers(outcome(run, "R1"))[:2] == (status, "2026-02-28")


def test_r1_adding_a_month_to_31_january_of_a_leap_year_gives_29_february() -> None:
    run = audit(
        case(last_review="31-01-2028"),
        settings=Settings(review_months={"108": 1}),
        as_of=dt.date(2028, 3, 1),
    )
    assert numbers(outcome(run, "R1")) == ("fired", "2028-02-29", "2028-01-31", None, 1.0, None)


def test_r1_is_silent_without_a_due_date() -> None:
    assert state(audit(case(**NO_REVIEW)), "R1") == ("silent", None)


@pytest.mark.parametrize("code", ["R1", "R2"])
def test_review_rules_without_both_review_columns(code: str) -> None:
    run = audit(case(last_review=None, next_review=None))
    assert state(run, code) == ("not_evaluated", "no-column")


def test_r1_with_only_a_next_review_column() -> None:
    run = audit(case(last_review=None, next_review="23-11-2026"))
    assert state(run, "R1") == ("fired", None)


# R2 never-reviewed -----------------------------------------------------------------------


def test_r2_fires_when_never_reviewed_after_the_interval() -> None:
    run = audit(case(grant_start="01-11-2025", **NO_REVIEW))
    # due 01-11-2025 + 12 months = 01-11-2026; 24-11 - 01-11 = 23 days overdue
    assert numbers(outcome(run, "R2")) == ("fired", "2026-11-01", None, None, 23.0, None)
    found = finding(run, "R2")
    assert (found.direction, found.severity, found.unit) == ("process", "high", "date")


def test_r2_is_silent_when_due_on_the_audit_date() -> None:
    run = audit(case(grant_start="24-11-2025", **NO_REVIEW))  # due 24-11-2026
    assert numbers(outcome(run, "R2"))[:2] == ("silent", "2026-11-24")


def test_r2_uses_the_paragraphs_interval() -> None:
    run = audit(case(paragraph="107", grant_start="23-05-2026", **NO_REVIEW))
    assert numbers(outcome(run, "R2"))[:2] == ("fired", "2026-11-23")  # + 6 months


@pytest.mark.parametrize(
    "review", [{"last_review": "01-10-2026"}, {"last_review": "", "next_review": "01-01-2027"}]
)
def test_r2_is_silent_when_a_review_date_is_given(review: dict[str, str]) -> None:
    run = audit(case(grant_start="01-01-2024", **review))
    assert state(run, "R2") == ("silent", None)


@pytest.mark.parametrize("absent", ["last_review", "next_review"])
def test_r2_fires_on_empty_cells_when_one_review_column_exists(absent: str) -> None:
    run = audit(case(grant_start="01-11-2025", **{**NO_REVIEW, absent: None}))
    assert state(run, "R2") == ("fired", None)


# R3 temporary-stay-long ------------------------------------------------------------------


def test_r3_fires_after_24_months_of_a_107_stay() -> None:
    run = audit(case(paragraph="107", grant_start="23-11-2024"))
    # limit 23-11-2024 + 24 months = 23-11-2026; 1 day past
    assert numbers(outcome(run, "R3")) == ("fired", "2026-11-23", "2024-11-23", None, 1.0, None)
    found = finding(run, "R3")
    assert (found.direction, found.unit, found.margin_unit) == ("process", "date", "days")


def test_r3_is_silent_at_exactly_24_months() -> None:
    run = audit(case(paragraph="107", grant_start="24-11-2024"))  # limit = the audit date
    assert numbers(outcome(run, "R3"))[:2] == ("silent", "2026-11-24")


def test_r3_limit_from_29_february_clamps_to_28_february() -> None:
    run = audit(case(paragraph="107", grant_start="29-02-2024"), as_of=dt.date(2026, 3, 1))
    assert numbers(outcome(run, "R3"))[:2] == ("fired", "2026-02-28")  # 1 day past


def test_r3_is_silent_for_other_paragraphs() -> None:
    run = audit(case(paragraph="108", grant_start="01-01-2020"))
    assert state(run, "R3") == ("silent", None)


def test_temporary_stay_months_is_a_setting() -> None:
    run = audit(
        case(paragraph="107", grant_start="23-11-2024"),
        settings=Settings(temporary_stay_months=36),
    )
    assert numbers(outcome(run, "R3"))[:2] == ("silent", "2027-11-23")


# R4 grant-expired ------------------------------------------------------------------------


def test_r4_fires_when_billing_continues_after_grant_end() -> None:
    run = audit(case(grant_end="31-10-2026"))
    # 24 days since 31-10-2026; annual 1500 x 365 = 547 500
    assert numbers(outcome(run, "R4")) == (
        "fired",
        "2026-10-31",
        "2026-11-24",
        None,
        24.0,
        547_500.0,
    )
    found = finding(run, "R4")
    assert (found.direction, found.severity, found.margin_unit) == ("payment", "high", "days")


def test_r4_annual_amount_of_a_monthly_tariff() -> None:
    fields = {"basic_tariff": "", "base_tariff": "", "tariff_total": "36.500", "tariff_unit": "md"}
    run = audit(case(grant_end="31-10-2026", **fields))
    # 36 500 x 12 / 365 = 1200 DKK/day; x 365 = 438 000
    assert outcome(run, "R4").annual_amount == pytest.approx(438_000.0)


def test_r4_is_silent_when_the_grant_ends_on_the_audit_date() -> None:
    assert state(audit(case(grant_end="24-11-2026")), "R4") == ("silent", None)


def test_r4_is_silent_without_grant_end() -> None:
    assert state(audit(case(grant_end=None)), "R4") == ("silent", None)


def test_r4_is_silent_when_nothing_is_billed() -> None:
    run = audit(case(grant_end="31-10-2026", basic_tariff="0", base_tariff="0"))
    assert state(run, "R4") == ("silent", None)


def test_r4_without_billed_tariff_is_not_evaluated() -> None:
    run = audit(case(grant_end="31-10-2026", basic_tariff="", base_tariff=""))
    assert state(run, "R4") == ("not_evaluated", "no-billed-tariff")


# R5 goals-missing ------------------------------------------------------------------------


@pytest.mark.parametrize("goals", ["", "0", "nej", "Nej"])
def test_r5_fires_on_empty_zero_or_no_goals(goals: str) -> None:
    run = audit(case(goals=goals))
    assert numbers(outcome(run, "R5")) == ("fired", None, None, None, None, None)
    assert finding(run, "R5").direction == "process"


@pytest.mark.parametrize("goals", ["2", "Bo i egen bolig"])
def test_r5_is_silent_with_goals(goals: str) -> None:
    assert state(audit(case(goals=goals)), "R5") == ("silent", None)


def test_r5_reads_a_count_of_zero_from_a_spreadsheet_cell() -> None:
    run = audit(cases({"case_id": "S1", "goals": 0}, {"case_id": "S2", "goals": 2}, xlsx=True))
    assert (state(run, "R5", "S1")[0], state(run, "R5", "S2")[0]) == ("fired", "silent")


def test_r5_without_goals_column_is_not_evaluated() -> None:
    assert state(audit(case(goals=None)), "R5") == ("not_evaluated", "no-column")


def test_a_case_never_reviewed_shows_r2_due_date_as_its_review_due() -> None:
    from rule_fixtures import report

    never = audit(case(grant_start="20-11-2023", last_review="", next_review=""))
    assert state(never, "R1") == ("silent", None)  # R1 has no due date: R2 covers the case
    assert finding(never, "R2").expected == "2024-11-20"
    (record,) = report(never).cases
    assert record.review_due == dt.date(2024, 11, 20)
    reviewed = audit(case(grant_start="20-11-2023", last_review="01-03-2026", next_review=""))
    assert report(reviewed).cases[0].review_due == dt.date(2027, 3, 1)
    no_columns = audit(case(grant_start="20-11-2023", last_review=None, next_review=None))
    assert report(no_columns).cases[0].review_due is None  # nothing known of reviews


def test_explain_gives_the_first_review_due_its_formula() -> None:
    import json

    from click.testing import CliRunner

    from bitcheck.cli import cli

    args = ["explain", "S1", case(grant_start="20-11-2023", last_review="", next_review=""),
            "--as-of", "2026-11-24", "--format", "json", "--lang", "en"]  # fmt: skip
    trace = json.loads(CliRunner().invoke(cli, args).stdout)
    (step,) = [s for s in trace["steps"] if s["quantity"] == "review_due"]
    assert step["value"] == "2024-11-20"
    assert step["formula"] == "grant_start + 12 months (§ 108; never reviewed, R2)"
