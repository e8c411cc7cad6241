"""D1-D5: delivered support from real time logs against the expected hours, and the log itself.

Defaults (rule_fixtures.py): the catalogue's Egely "Niveau 2" has 10 h/week and 420 DKK/hour,
so the default case expects 10 h/week. A log states the period 02-11-2026 to 15-11-2026,
14 days, so delivered h/week = minutes x 7 / (60 x 14) = minutes / 120.
"""

from __future__ import annotations

import pytest

from bitcheck.settings import Settings
from rule_fixtures import (
    CPR,
    OTHER_CPR,
    TWO_WEEKS,
    Value,
    audit,
    case,
    cases,
    catalogue,
    direct_minutes,
    finding,
    numbers,
    outcome,
    report,
    state,
    time_log,
)

LOG_CODES = ["D1", "D2", "D4", "D5"]


def delivered(
    minutes: int,
    *,
    cpr: str = CPR,
    provider: str | None = "Egely",
    period: tuple[str, str] = TWO_WEEKS,
) -> str:
    """A log of `minutes` direct minutes, by default 14 days for the default citizen at Egely."""
    return time_log(direct_minutes(minutes), cpr=cpr, provider=provider, period=period)


# D1 delivery-shortfall -------------------------------------------------------------------


def test_d1_fires_when_delivered_is_below_expected_minus_tolerance() -> None:
    run = audit(case(), catalogue(), [delivered(720)])
    # delivered 720 / 120 = 6 h/week against 10; ratio 0.6; margin 0.85 - 0.6 = 0.25;
    # annual (10 - 6) x 420 x 52 = 87 360
    status, expected, observed, ratio, margin, amount = numbers(outcome(run, "D1"))
    assert (status, expected, observed) == ("fired", 10.0, pytest.approx(6.0))
    assert (ratio, margin, amount) == pytest.approx((0.6, 0.25, 87_360.0))
    found = finding(run, "D1")
    assert (found.direction, found.unit, found.margin_unit) == ("payment", "h/week", "ratio")
    sources = [(s.file, s.sheet, s.row, s.last_row) for s in found.sources]
    assert sources == [("sager.csv", None, 2, None), ("skema-1.xlsx", "Ark1", 6, 7)]


def test_d1_is_silent_when_delivered_is_exactly_expected_times_0_85() -> None:
    run = audit(case(), catalogue(), [delivered(1020)])  # 1020 / 120 = 8.5 = 10 x 0.85
    assert numbers(outcome(run, "D1"))[:3] == ("silent", 10.0, 8.5)
    assert outcome(run, "D1").margin == pytest.approx(0.0)


def test_d1_expected_is_level_hours_plus_extra_hours() -> None:
    run = audit(case(extra_hours_week="2"), catalogue(), [delivered(720)])
    # expected 10 + 2 = 12; delivered 6; annual (12 - 6) x 420 x 52 = 131 040
    assert outcome(run, "D1").expected == 12.0
    assert outcome(run, "D1").annual_amount == pytest.approx(131_040.0)


def test_d1_expected_is_granted_hours_when_given() -> None:
    run = audit(case(granted_hours_week="20", extra_hours_week="2"), catalogue(), [delivered(720)])
    assert outcome(run, "D1").expected == 20.0  # the total granted, extras included


def test_d1_granted_hours_of_zero_count_as_missing() -> None:
    run = audit(case(granted_hours_week="0"), catalogue(), [delivered(720)])
    assert outcome(run, "D1").expected == 10.0  # the catalogue's level hours instead


def test_d1_amount_is_null_without_an_hourly_rate() -> None:
    run = audit(case(), catalogue(hourly_rate=None), [delivered(720)])
    assert outcome(run, "D1").status == "fired"
    assert outcome(run, "D1").annual_amount is None  # never 0


def test_d1_weights_shared_support_by_staff_and_residents() -> None:
    # 2 staff for 1 citizen: 360 clock minutes count 720 1:1-equivalent minutes = 6 h/week
    log = time_log([["02-11-2026", "08:00", "14:00", None, "Direkte", 2]])
    assert outcome(audit(case(), catalogue(), [log]), "D1").observed == pytest.approx(6.0)


# D2 delivery-above-grant -----------------------------------------------------------------


def test_d2_fires_when_delivered_is_above_expected_plus_tolerance() -> None:
    run = audit(case(), catalogue(), [delivered(1440)])
    # delivered 1440 / 120 = 12 h/week; ratio 1.2; margin 1.2 - 1.15 = 0.05;
    # annual (12 - 10) x 420 x 52 = 43 680
    status, expected, observed, ratio, margin, amount = numbers(outcome(run, "D2"))
    assert (status, expected) == ("fired", 10.0)
    assert (observed, ratio, margin, amount) == pytest.approx((12.0, 1.2, 0.05, 43_680.0))
    assert finding(run, "D2").direction == "citizen"


def test_d2_is_silent_when_delivered_is_exactly_expected_times_1_15() -> None:
    # granted 3 h/week; 414 minutes / 120 = 3.45 = 3 x 1.15. In floating point
    # 3.45 / 3 = 1.1500000000000001: the rounded comparison keeps it silent.
    run = audit(case(granted_hours_week="3"), catalogue(), [delivered(414)])
    assert state(run, "D2") == ("silent", None)


def test_delivery_tolerance_is_a_setting() -> None:
    settings = Settings(delivery_tolerance=0.5)  # 6 h/week of 10 is within 50 %
    run = audit(case(), catalogue(), [delivered(720)], settings)
    assert state(run, "D1") == ("silent", None)


# D1, D2, D4, D5 not evaluated -------------------------------------------------------------


@pytest.mark.parametrize("code", LOG_CODES)
def test_log_rules_without_time_logs(code: str) -> None:
    assert state(audit(case(), catalogue()), code) == ("not_evaluated", "no-time-logs")


@pytest.mark.parametrize("code", LOG_CODES)
def test_log_rules_when_no_log_covers_the_case(code: str) -> None:
    run = audit(case(), catalogue(), [delivered(720, cpr=OTHER_CPR)])
    assert state(run, code) == ("not_evaluated", "no-time-log")


@pytest.mark.parametrize("code", LOG_CODES)
def test_log_rules_when_the_log_is_at_another_provider(code: str) -> None:
    run = audit(case(), catalogue(), [delivered(720, provider="Bostedet Grenen")])
    assert state(run, code) == ("not_evaluated", "no-time-log")


def test_a_log_covers_a_case_whose_provider_begins_with_the_logs() -> None:
    run = audit(case(provider="Egely Nord"), catalogue(), [delivered(720)])
    assert state(run, "D1")[0] == "fired"  # "Egely" begins "Egely Nord"


def test_a_log_is_matched_to_providers_word_by_word() -> None:
    run = audit(case(provider="Egelygaard"), catalogue(), [delivered(720)])
    assert state(run, "D1") == ("not_evaluated", "no-time-log")  # "Egely" is not "Egelygaard"


def test_a_log_without_provider_covers_the_citizens_only_provider() -> None:
    run = audit(case(), catalogue(), [delivered(720, provider=None)])
    assert state(run, "D1")[0] == "fired"


def two_providers_and_a_log_without_provider() -> tuple[str, str]:
    both = cases(
        {"case_id": "S1"},
        {
            "case_id": "S2",
            "provider": "Bostedet Grenen",
            "granted_hours_week": "5",
            "special_tariff": "300,00",
        },
    )
    return both, delivered(720, provider=None)


@pytest.mark.parametrize("code", LOG_CODES)
def test_log_rules_on_a_log_without_provider_and_two_providers(code: str) -> None:
    both, log = two_providers_and_a_log_without_provider()
    run = audit(both, catalogue(), [log])
    assert state(run, code, "S1") == ("not_evaluated", "ambiguous-log")
    assert state(run, code, "S2") == ("not_evaluated", "ambiguous-log")


@pytest.mark.parametrize("code", ["D1", "D2"])
def test_delivery_rules_without_expected_hours(code: str) -> None:
    run = audit(case(), catalogue(level_hours_week=None), [delivered(720)])
    assert state(run, code) == ("not_evaluated", "no-expected-hours")
    assert state(run, "D4") == ("silent", None)  # the log itself is still checked


@pytest.mark.parametrize("code", ["D1", "D2"])
def test_delivery_rules_on_a_log_too_short(code: str) -> None:
    log = delivered(720, period=("02-11-2026", "14-11-2026"))  # 13 days: D4 fires
    run = audit(case(), catalogue(), [log])
    assert state(run, code) == ("not_evaluated", "log-unusable")


@pytest.mark.parametrize("code", ["D1", "D2"])
def test_delivery_rules_on_an_implausible_log(code: str) -> None:
    log = time_log([["02-11-2026", "00:00", None, 1441, "Direkte"]])  # D5 fires
    run = audit(case(), catalogue(), [log])
    assert state(run, code) == ("not_evaluated", "log-unusable")


def test_no_expected_hours_comes_before_log_unusable() -> None:
    log = delivered(720, period=("02-11-2026", "14-11-2026"))
    run = audit(case(), catalogue(level_hours_week=None), [log])
    assert state(run, "D1") == ("not_evaluated", "no-expected-hours")


# D3 no-time-log --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "fields", [{"special_tariff": "300,00"}, {"extra_hours_week": "2"}], ids=["special", "extra"]
)
def test_d3_fires_when_no_log_covers_a_case_with_special_tariff_or_extra_hours(
    fields: dict[str, str],
) -> None:
    run = audit(case(**fields), catalogue(), [delivered(720, cpr=OTHER_CPR)])
    assert numbers(outcome(run, "D3")) == ("fired", None, None, None, None, None)
    assert finding(run, "D3").direction == "data"


def test_d3_is_silent_when_a_log_covers_the_case() -> None:
    run = audit(case(special_tariff="300,00"), catalogue(), [delivered(720)])
    assert state(run, "D3")[0] == "silent"


def test_d3_is_silent_without_special_tariff_and_extra_hours() -> None:
    run = audit(
        case(special_tariff="0", extra_hours_week=""), None, [delivered(720, cpr=OTHER_CPR)]
    )
    assert state(run, "D3") == ("silent", None)


def test_d3_is_silent_without_special_tariff_and_extra_hours_even_without_logs() -> None:
    assert state(audit(case()), "D3") == ("silent", None)


def test_d3_is_silent_on_an_ambiguous_log() -> None:
    both, log = two_providers_and_a_log_without_provider()
    run = audit(both, catalogue(), [log])
    assert state(run, "D3", "S2")[0] == "silent"  # special tariff 300, no log of its own


def test_d3_without_time_logs_is_not_evaluated() -> None:
    run = audit(case(special_tariff="300,00"))
    assert state(run, "D3") == ("not_evaluated", "no-time-logs")


# D4 time-log-too-short -------------------------------------------------------------------


def test_d4_fires_on_a_13_day_log() -> None:
    run = audit(case(), catalogue(), [delivered(720, period=("02-11-2026", "14-11-2026"))])
    # expected 14 days, observed 13; ratio 13 / 14 = 0.9286; margin 1 - 13 / 14 = 0.0714
    status, expected, observed, ratio, margin, amount = numbers(outcome(run, "D4"))
    assert (status, expected, observed, amount) == ("fired", 14.0, 13.0, None)
    assert (ratio, margin) == pytest.approx((13 / 14, 1 - 13 / 14))
    found = finding(run, "D4")
    assert (found.direction, found.unit, found.margin_unit) == ("data", "days", "ratio")


def test_d4_is_silent_on_exactly_14_days() -> None:
    run = audit(case(), catalogue(), [delivered(720)])
    assert numbers(outcome(run, "D4"))[:3] == ("silent", 14.0, 14.0)


def test_d4_period_without_a_stated_period_is_first_to_last_logged_date() -> None:
    entries = [
        ["02-11-2026", "08:00", None, 60, "Direkte"],
        ["14-11-2026", "08:00", None, 60, "Direkte"],
    ]
    run = audit(case(), catalogue(), [time_log(entries, period=None)])
    assert numbers(outcome(run, "D4"))[:3] == ("fired", 14.0, 13.0)  # 02-11 to 14-11


def test_min_log_days_is_a_setting() -> None:
    log = delivered(720, period=("02-11-2026", "14-11-2026"))
    run = audit(case(), catalogue(), [log], Settings(min_log_days=13))
    assert numbers(outcome(run, "D4"))[:3] == ("silent", 13.0, 13.0)


# D5 time-log-implausible -----------------------------------------------------------------


def a_day(direct: int, sleeping: int, awake: int, staff: int = 1) -> list[list[Value]]:
    """One day of clock minutes of the three kinds D5 adds up, plus indirect time."""
    return [
        ["03-11-2026", "08:00", None, direct, "Direkte", staff],
        ["03-11-2026", "23:00", None, sleeping, "Nattevagt sovende"],
        ["03-11-2026", "18:00", None, awake, "Nattevagt vågen"],
        ["03-11-2026", "09:00", None, 300, "Dokumentation"],  # indirect: never counted
    ]


def test_d5_fires_on_a_day_of_more_than_1440_clock_minutes() -> None:
    log = time_log(a_day(direct=600, sleeping=480, awake=361))  # 600 + 480 + 361 = 1441
    run = audit(case(), catalogue(), [log])
    # expected 1440, observed 1441; ratio 1441 / 1440; margin 1441 / 1440 - 1 = 1 / 1440
    status, expected, observed, ratio, margin, amount = numbers(outcome(run, "D5"))
    assert (status, expected, observed, amount) == ("fired", 1440.0, 1441.0, None)
    assert (ratio, margin) == pytest.approx((1441 / 1440, 1 / 1440))
    found = finding(run, "D5")
    assert (found.direction, found.unit, found.margin_unit) == ("data", "minutes/day", "ratio")


def test_d5_is_silent_on_exactly_1440_minutes() -> None:
    run = audit(case(), catalogue(), [time_log(a_day(direct=600, sleeping=480, awake=360))])
    assert numbers(outcome(run, "D5"))[:3] == ("silent", 1440.0, 1440.0)


def test_d5_counts_clock_minutes_before_weighting() -> None:
    # 720 clock minutes by 2 staff weigh 1440, but the clock adds 720 + 480 + 240 = 1440
    log = time_log(a_day(direct=720, sleeping=480, awake=240, staff=2))
    run = audit(case(), catalogue(), [log])
    assert numbers(outcome(run, "D5"))[:3] == ("silent", 1440.0, 1440.0)


# One log, several cases of the citizen at one provider ------------------------------------


def test_shared_log_is_compared_once_with_the_summed_expected_hours() -> None:
    run = audit(
        cases(
            {"case_id": "S2", "granted_hours_week": "6"},
            {"case_id": "S0", "granted_hours_week": "5", "grant_end": "31-10-2026"},  # ended
            {"case_id": "S1", "granted_hours_week": "4"},
            xlsx=True,
        ),
        catalogue(),
        [delivered(720)],
    )
    # S0 has ended; S1 and S2 expect 4 + 6 = 10 h/week; delivered 6: reported on S1 (case_id
    # order), annual (10 - 6) x 420 x 52 = 87 360
    d1 = outcome(run, "D1", "S1")
    assert (d1.status, d1.expected, d1.extra_sources) == ("fired", 10.0, ["S2"])
    assert d1.annual_amount == pytest.approx(87_360.0)
    for code in LOG_CODES:
        assert state(run, code, "S2")[0] == "silent"
        assert state(run, code, "S0")[0] == "silent"
    assert report(run).summary.by_code["D1"] == 1
    rows = [(s.file, s.row) for s in finding(run, "D1", "S1").sources]
    assert rows[:2] == [("sager.xlsx", 4), ("sager.xlsx", 2)]  # S1's row, then S2's


def test_shared_log_is_reported_on_the_first_case_with_expected_hours() -> None:
    both = cases({"case_id": "S1", "level": "Niveau 9"}, {"case_id": "S2"})  # S1: no hours
    run = audit(both, catalogue(), [delivered(720)])
    assert state(run, "D1", "S2") == ("fired", None)
    for code in LOG_CODES:
        assert state(run, code, "S1")[0] == "silent"


def test_cases_of_one_citizen_at_two_providers_each_compare_with_their_own_log() -> None:
    both = cases(
        {"case_id": "S1", "granted_hours_week": "10"},
        {"case_id": "S2", "granted_hours_week": "10", "provider": "Bostedet Grenen"},
    )
    grenen = time_log(direct_minutes(1440, first_day=9), provider="Bostedet Grenen", cpr=CPR)
    run = audit(both, None, [delivered(720), grenen])
    # Egely: 720 / 120 = 6 h/week of 10; Grenen: 1440 / 120 = 12 h/week of 10
    assert (state(run, "D1", "S1")[0], state(run, "D2", "S2")[0]) == ("fired", "fired")
