"""`text.dates.year_of`: the one rule for the year a draft is written in (skeleton and UI)."""

from __future__ import annotations

import datetime

import pytest

from replydraft.text.dates import year_of


@pytest.mark.parametrize(
    ("date", "year"),
    [("2026-05-20", 2026), ("2025年5月20日", 2025), (" 2024.01.02", 2024), ("2023", 2023)],
)
def test_the_year_is_the_dates_leading_four_digits(date: str, year: int) -> None:
    assert year_of(date) == year


@pytest.mark.parametrize("date", [None, "", "20", "五月二十日"])
def test_without_a_year_it_is_this_year(date: str | None) -> None:
    assert year_of(date) == datetime.date.today().year
