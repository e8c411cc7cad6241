"""N1-N2 (need against the level's range) and T1-T5 (tariffs), through real files.

Defaults (rule_fixtures.py): catalogue Egely "Niveau 2" = basic 1000 + base 500 = 1500 DKK/day,
10 h/week, 420 DKK/hour, need range 2-3; the case bills 1000 + 500 = 1500 DKK/day, need 2.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bitcheck.settings import Settings
from rule_fixtures import (
    OTHER_CPR,
    audit,
    case,
    catalogue,
    direct_minutes,
    finding,
    numbers,
    outcome,
    price_list,
    state,
    time_log,
)

OVERLAPPING = (  # one provider, department and level, sharing 01-06-2026 to 31-12-2026
    {"valid_from": "01-01-2026", "valid_to": "31-12-2026"},
    {"valid_from": "01-06-2026", "valid_to": ""},
)


def individual_price() -> str:
    return price_list(["Egely", None, "Niveau 2", "Individuel pris", "Døgn"])


# N1 need-above-grant ---------------------------------------------------------------------


def test_n1_fires_when_need_is_above_need_max() -> None:
    run = audit(case(need_level="4 - Fuldstændig"), catalogue())
    # expected need_max 3, observed 4, margin 4 - 3 = 1 level; no ratio, no amount
    assert numbers(outcome(run, "N1")) == ("fired", 3, 4, None, 1.0, None)
    found = finding(run, "N1")
    assert (found.direction, found.unit, found.margin_unit) == ("citizen", "level", "levels")


def test_n1_is_silent_when_need_equals_need_max() -> None:
    run = audit(case(need_level="3"), catalogue())
    assert state(run, "N1") == ("silent", None)


# N2 need-below-grant ---------------------------------------------------------------------


def test_n2_fires_when_need_is_below_need_min() -> None:
    run = audit(case(need_level="Let"), catalogue(need_min=3, need_max=4))
    # expected need_min 3, observed 1 ("Let"), margin 3 - 1 = 2 levels
    assert numbers(outcome(run, "N2")) == ("fired", 3, 1, None, 2.0, None)
    assert finding(run, "N2").direction == "payment"


def test_n2_is_silent_when_need_equals_need_min() -> None:
    run = audit(case(need_level="2"), catalogue())
    assert state(run, "N2") == ("silent", None)


# N1, N2 not evaluated ---------------------------------------------------------------------


@pytest.mark.parametrize("code", ["N1", "N2"])
def test_need_rules_without_need_level_column(code: str) -> None:
    run = audit(case(need_level=None), catalogue())
    assert state(run, code) == ("not_evaluated", "no-need-level")


@pytest.mark.parametrize("code", ["N1", "N2"])
def test_need_rules_with_empty_need_level_come_before_no_catalogue(code: str) -> None:
    run = audit(case(need_level=""))  # no need and no catalogue: the table's first reason
    assert state(run, code) == ("not_evaluated", "no-need-level")


@pytest.mark.parametrize("code", ["N1", "N2"])
def test_need_rules_without_catalogue(code: str) -> None:
    assert state(audit(case(need_level="4")), code) == ("not_evaluated", "no-catalogue")


@pytest.mark.parametrize("code", ["N1", "N2"])
def test_need_rules_without_matching_row(code: str) -> None:
    run = audit(case(need_level="4", level="Niveau 5"), catalogue())
    assert state(run, code) == ("not_evaluated", "no-catalogue-row")


@pytest.mark.parametrize("code", ["N1", "N2"])
def test_need_rules_with_row_without_need_range(code: str) -> None:
    run = audit(case(need_level="4"), catalogue(need_min=None, need_max=None))
    assert state(run, code) == ("not_evaluated", "no-need-range")


@pytest.mark.parametrize("code", ["N1", "N2"])
def test_need_rules_with_overlapping_catalogue_rows(code: str) -> None:
    run = audit(case(need_level="4"), catalogue(*OVERLAPPING))
    assert state(run, code) == ("not_evaluated", "catalogue-conflict")


# T1 tariff-above-model -------------------------------------------------------------------


def test_t1_fires_when_billed_is_above_expected_plus_tolerance() -> None:
    run = audit(case(base_tariff="600,00"), catalogue())
    # billed 1000 + 600 = 1600, expected 1000 + 500 = 1500; ratio 1600 / 1500 = 1.0667;
    # margin 1.0667 - 1.02 = 0.0467; annual (1600 - 1500) x 365 = 36 500
    status, expected, observed, ratio, margin, amount = numbers(outcome(run, "T1"))
    assert (status, expected, observed, amount) == ("fired", 1500.0, 1600.0, 36_500.0)
    assert (ratio, margin) == pytest.approx((1600 / 1500, 1600 / 1500 - 1.02))
    found = finding(run, "T1")
    assert (found.direction, found.unit, found.margin_unit) == ("payment", "DKK/day", "ratio")


def test_t1_is_silent_when_billed_is_exactly_expected_times_1_02() -> None:
    catalogue_file = catalogue(basic_tariff=1100, base_tariff=476)  # expected 1576
    run = audit(case(basic_tariff="1.100,00", base_tariff="507,52"), catalogue_file)
    # billed 1100 + 507.52 = 1607.52 = 1576 x 1.02: on the threshold, not above
    assert numbers(outcome(run, "T1"))[:3] == ("silent", 1576.0, 1607.52)


def test_t1_fires_one_oere_above_the_threshold() -> None:
    run = audit(case(base_tariff="530,01"), catalogue())
    # billed 1530.01 > 1500 x 1.02 = 1530; annual 30.01 x 365 = 10 953.65
    found = outcome(run, "T1")
    assert found.status == "fired"
    assert found.annual_amount == pytest.approx(30.01 * 365)


def test_t1_compares_a_weekly_total_per_day() -> None:
    run = audit(
        case(basic_tariff="", base_tariff="", tariff_total="11.200,00", tariff_unit="uge"),
        catalogue(),
    )
    # billed 11 200 / 7 = 1600 DKK/day against 1500
    assert numbers(outcome(run, "T1"))[:3] == ("fired", 1500.0, pytest.approx(1600.0))


def test_t1_expected_includes_extra_hours_at_the_hourly_rate() -> None:
    fields = {"extra_hours_week": "3,5", "special_tariff": "400,00"}
    run = audit(case(**fields), catalogue())
    # expected 1000 + 500 + 3.5 x 420 / 7 = 1710; billed 1000 + 500 + 400 = 1900
    # annual (1900 - 1710) x 365 = 69 350
    status, expected, observed, _, _, amount = numbers(outcome(run, "T1"))
    assert (status, observed) == ("fired", 1900.0)
    assert (expected, amount) == pytest.approx((1710.0, 69_350.0))


# T2 tariff-below-model -------------------------------------------------------------------


def test_t2_fires_when_billed_is_below_expected_minus_tolerance() -> None:
    run = audit(case(base_tariff="350,00"), catalogue())
    # billed 1350, expected 1500; ratio 0.9; margin 0.98 - 0.9 = 0.08;
    # annual (1500 - 1350) x 365 = 54 750
    status, expected, observed, ratio, margin, amount = numbers(outcome(run, "T2"))
    assert (status, expected, observed, amount) == ("fired", 1500.0, 1350.0, 54_750.0)
    assert (ratio, margin) == pytest.approx((0.9, 0.08))
    assert finding(run, "T2").direction == "citizen"


def test_t2_is_silent_when_billed_is_exactly_expected_times_0_98() -> None:
    # expected 1000 + 45 = 1045; billed 1000 + 24.10 = 1024.10 = 1045 x 0.98. In floating
    # point 1024.10 / 1045 = 0.97999999...: the rounded comparison keeps it silent.
    run = audit(case(base_tariff="24,10"), catalogue(base_tariff=45))
    assert state(run, "T2") == ("silent", None)
    assert outcome(run, "T2").margin == pytest.approx(0.0)


HOURLY_CASE = {
    "level": "§ 85 timepris",
    "granted_hours_week": "7",
    "basic_tariff": "",
    "base_tariff": "",
    "tariff_total": "400,00",
    "tariff_unit": "time",
}  # a § 85 case billed per hour


def test_t2_for_a_level_priced_per_hour_in_a_price_list() -> None:
    prices = price_list(["Egely", None, "§ 85 timepris", "420,00", "Time"])
    run = audit(case(**HOURLY_CASE), prices)
    # expected 420 x 7 / 7 = 420 DKK/day; billed 400 x 7 / 7 = 400; ratio 400 / 420 = 0.9524;
    # margin 0.98 - 0.9524 = 0.0276; annual (420 - 400) x 365 = 7 300
    status, expected, observed, ratio, margin, amount = numbers(outcome(run, "T2"))
    assert status == "fired"
    assert (expected, observed, amount) == pytest.approx((420.0, 400.0, 7_300.0))
    assert (ratio, margin) == pytest.approx((400 / 420, 0.98 - 400 / 420))


HOURLY_MODEL_ROW = {
    "level": "§ 85 timepris", "basic_tariff": 0, "base_tariff": 0, "level_hours_week": "",
    "hourly_rate": 420, "need_min": "", "need_max": "",
}  # fmt: skip


def test_a_model_row_with_only_an_hourly_rate_is_a_level_priced_per_hour() -> None:
    # the same case as in the price list above: expected 420 x 7 / 7 = 420 DKK/day
    run = audit(case(**HOURLY_CASE), catalogue(**HOURLY_MODEL_ROW))
    status, expected, observed, ratio, margin, amount = numbers(outcome(run, "T2"))
    assert status == "fired"
    assert (expected, observed, amount) == pytest.approx((420.0, 400.0, 7_300.0))
    matched = audit(
        case(**{**HOURLY_CASE, "tariff_total": "420,00"}), catalogue(**HOURLY_MODEL_ROW)
    )
    assert state(matched, "T1") == state(matched, "T2") == ("silent", None)


def test_extra_hours_on_a_level_priced_per_hour_are_priced_with_the_rest() -> None:
    fields = {**HOURLY_CASE, "granted_hours_week": "10", "extra_hours_week": "3",
              "tariff_total": "420,00"}  # fmt: skip
    run = audit(case(**fields), catalogue(**HOURLY_MODEL_ROW))
    # every granted hour at the hour price: 420 x 10 / 7 = 600 DKK/day, billed the same
    assert outcome(run, "T1").expected == pytest.approx(600.0)
    assert state(run, "T1") == state(run, "T2") == ("silent", None)


@pytest.mark.parametrize(
    ("day_price", "expected", "reason"),
    [
        ({"base_tariff": 10}, 10.0, None),  # a price per day: the model formula
        ({"basic_tariff": 500}, 500.0, None),  # the tariff in basic alone
        ({"level_hours_week": 5}, None, "no-expected-tariff"),  # hours of its own: 0 + 0
    ],
)
def test_a_model_row_with_a_day_price_or_hours_is_no_level_priced_per_hour(
    day_price: dict[str, object], expected: float | None, reason: str | None
) -> None:
    run = audit(case(**HOURLY_CASE), catalogue(**{**HOURLY_MODEL_ROW, **day_price}))
    assert outcome(run, "T2").expected == (None if expected is None else pytest.approx(expected))
    assert outcome(run, "T2").reason == reason


def test_t1_with_a_price_list_of_basis_weekly_level_and_extra_hours() -> None:
    prices = price_list(
        ["Egely", None, "Basistakst", "1.000,00", "Døgn"],
        ["Egely", None, "Niveau 2", "3.500,00", "Uge"],
        ["Egely", None, "Ekstra timer", "420,00", "Time"],
    )
    run = audit(case(extra_hours_week="3,5", special_tariff="400,00"), prices)
    # expected 1000 + 3500 / 7 + 3.5 x 420 / 7 = 1000 + 500 + 210 = 1710;
    # billed 1000 + 500 + 400 = 1900; annual (1900 - 1710) x 365 = 69 350
    status, expected, observed, _, _, amount = numbers(outcome(run, "T1"))
    assert (status, observed) == ("fired", 1900.0)
    assert (expected, amount) == pytest.approx((1710.0, 69_350.0))


# T1, T2 not evaluated ---------------------------------------------------------------------


NO_TARIFF = {"basic_tariff": "", "base_tariff": "", "tariff_total": ""}
HOUR_UNIT = {**NO_TARIFF, "tariff_total": "400", "tariff_unit": "time"}
TARIFF_REASONS = [  # (case fields, tariff file, reason), in rules.md's order
    ({}, lambda: None, "no-catalogue"),
    ({"level": "Niveau 5"}, catalogue, "no-catalogue-row"),
    ({}, lambda: catalogue(*OVERLAPPING), "catalogue-conflict"),
    ({}, individual_price, "individual-price"),
    (HOUR_UNIT, lambda: catalogue(level_hours_week=None), "no-expected-hours"),
    (NO_TARIFF, catalogue, "no-billed-tariff"),
    ({}, lambda: catalogue(basic_tariff=0, base_tariff=0), "no-expected-tariff"),
    ({"extra_hours_week": "2"}, lambda: catalogue(hourly_rate=None), "no-hourly-rate"),
]


@pytest.mark.parametrize("code", ["T1", "T2"])
@pytest.mark.parametrize(
    ("fields", "tariffs", "reason"), TARIFF_REASONS, ids=[r[2] for r in TARIFF_REASONS]
)
def test_tariff_rules_not_evaluated(
    code: str, fields: dict[str, str], tariffs: Callable[[], str | None], reason: str
) -> None:
    run = audit(case(**fields), tariffs())
    assert state(run, code) == ("not_evaluated", reason)


def test_tariff_rules_for_a_level_priced_per_hour_without_expected_hours() -> None:
    prices = price_list(["Egely", None, "§ 85 timepris", "420,00", "Time"])
    run = audit(case(level="§ 85 timepris"), prices)  # no granted hours, no extra hours
    assert state(run, "T1") == ("not_evaluated", "no-expected-hours")


def test_tariff_rules_no_expected_hours_comes_before_no_billed_tariff() -> None:
    run = audit(case(**NO_TARIFF, tariff_unit="time"), catalogue(level_hours_week=None))
    assert state(run, "T1") == ("not_evaluated", "no-expected-hours")


# T3 special-tariff-without-hours ---------------------------------------------------------


@pytest.mark.parametrize("extra", ["", "0"])
def test_t3_fires_on_special_tariff_without_extra_hours(extra: str) -> None:
    run = audit(case(special_tariff="300,00", extra_hours_week=extra))
    # observed: the special tariff, 300 DKK/day; nothing expected, no margin, no amount
    assert numbers(outcome(run, "T3")) == ("fired", None, 300.0, None, None, None)
    assert finding(run, "T3").unit == "DKK/day"


def test_t3_observed_is_the_special_tariff_per_day() -> None:
    fields = {"special_tariff": "2.100,00", "tariff_unit": "uge"}
    assert outcome(audit(case(**fields)), "T3").observed == pytest.approx(300.0)  # 2100 / 7


def test_t3_is_silent_with_extra_hours() -> None:
    run = audit(case(special_tariff="300,00", extra_hours_week="2"))
    assert state(run, "T3") == ("silent", None)


@pytest.mark.parametrize("special", ["", "0"])
def test_t3_is_silent_without_special_tariff(special: str) -> None:
    assert state(audit(case(special_tariff=special)), "T3") == ("silent", None)


@pytest.mark.parametrize("absent", ["special_tariff", "extra_hours_week"])
def test_t3_without_column_is_not_evaluated(absent: str) -> None:
    fields: dict[str, str | None] = {"special_tariff": "300,00", "extra_hours_week": ""}
    run = audit(case(**{**fields, absent: None}))
    assert state(run, "T3") == ("not_evaluated", "no-column")


# T4 special-tariff-undocumented ----------------------------------------------------------


def other_citizens_log() -> str:
    return time_log(direct_minutes(600), cpr=OTHER_CPR)


def test_t4_fires_on_undocumented_special_tariff_without_a_covering_log() -> None:
    run = audit(
        case(special_tariff="300,00", special_documented="nej"), None, [other_citizens_log()]
    )
    assert numbers(outcome(run, "T4")) == ("fired", None, 300.0, None, None, None)
    assert finding(run, "T4").direction == "process"


def test_t4_fires_on_empty_special_documented() -> None:
    run = audit(case(special_tariff="300,00"), None, [other_citizens_log()])
    assert state(run, "T4") == ("fired", None)


def test_t4_is_silent_when_documented() -> None:
    run = audit(
        case(special_tariff="300,00", special_documented="ja"), None, [other_citizens_log()]
    )
    assert state(run, "T4") == ("silent", None)


def test_t4_is_silent_when_a_time_log_covers_the_case() -> None:
    run = audit(
        case(special_tariff="300,00", special_documented="nej"),
        None,
        [time_log(direct_minutes(600))],
    )
    assert state(run, "T4") == ("silent", None)


def test_t4_is_silent_without_special_tariff() -> None:
    assert state(audit(case(), None, [other_citizens_log()]), "T4") == ("silent", None)


def test_t4_without_time_logs_is_not_evaluated() -> None:
    run = audit(case(special_tariff="300,00", special_documented="ja"))
    # "documented" is no silent condition of T4: the missing logs decide (precedence)
    assert state(run, "T4") == ("not_evaluated", "no-time-logs")


@pytest.mark.parametrize("absent", ["special_tariff", "special_documented"])
def test_t4_without_column_is_not_evaluated(absent: str) -> None:
    fields: dict[str, str | None] = {"special_tariff": "300,00", "special_documented": "nej"}
    run = audit(case(**{**fields, absent: None}), None, [other_citizens_log()])
    assert state(run, "T4") == ("not_evaluated", "no-column")


# T5 no-tariff-model ----------------------------------------------------------------------


def test_t5_fires_when_no_row_matches_the_level() -> None:
    run = audit(case(level="Niveau 5"), catalogue())
    assert numbers(outcome(run, "T5")) == ("fired", None, None, None, None, None)
    assert state(run, "T1") == ("not_evaluated", "no-catalogue-row")
    assert finding(run, "T5").direction == "data"


def test_t5_fires_when_the_only_row_is_not_valid_on_the_audit_date() -> None:
    run = audit(case(), catalogue(valid_to="31-10-2026"))  # audit date 24-11-2026
    assert state(run, "T5") == ("fired", None)


def test_t5_fires_when_the_provider_only_shares_a_word_prefix() -> None:
    run = audit(case(provider="Egelygaard"), catalogue())  # "Egely" never matches it
    assert state(run, "T5") == ("fired", None)


def test_t5_matches_levels_after_normalisation() -> None:
    run = audit(case(level="Pakke 2"), catalogue(level="Niveau 2"))  # both read as "2"
    assert state(run, "T5") == ("silent", None)
    assert state(run, "T1")[0] == "silent"


@pytest.mark.parametrize("level", ["", None])
def test_t5_is_silent_without_a_level(level: str | None) -> None:
    run = audit(case(level=level), catalogue())
    assert state(run, "T5") == ("silent", None)


def test_t5_without_a_level_is_silent_even_without_catalogue() -> None:
    assert state(audit(case(level="")), "T5") == ("silent", None)


def test_t5_is_silent_on_overlapping_validity() -> None:
    run = audit(case(), catalogue(*OVERLAPPING))
    assert state(run, "T5")[0] == "silent"
    assert state(run, "T1") == ("not_evaluated", "catalogue-conflict")
    assert "overlapping-validity" in {p.code for p in run.all_problems()}


def test_t5_is_silent_on_an_individual_price() -> None:
    run = audit(case(), individual_price())
    assert state(run, "T5")[0] == "silent"


def test_t5_without_catalogue_is_not_evaluated() -> None:
    assert state(audit(case()), "T5") == ("not_evaluated", "no-catalogue")


def test_tariff_tolerance_is_a_setting() -> None:
    # billed 1600 / 1500 = 1.0667 is within a tolerance of 0.1
    run = audit(case(base_tariff="600,00"), catalogue(), settings=Settings(tariff_tolerance=0.1))
    assert state(run, "T1") == ("silent", None)
    assert outcome(run, "T1").margin == pytest.approx(1600 / 1500 - 1.1)
