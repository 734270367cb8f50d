"""Opening-hours rules: intervals, exceptions, days in a row, and the changes to and
from daylight saving time (America/New_York)."""

from datetime import UTC, date, datetime, time
from types import SimpleNamespace

from locations.hours import NEW_YORK, Schedule


def weekly(*rows):
    return [SimpleNamespace(weekday=d, opens=time(*o), closes=time(*c)) for d, o, c in rows]


def exception(day, label="Holiday", closed=True, opens=None, closes=None):
    return SimpleNamespace(
        date=day,
        label=label,
        closed=closed,
        opens=time(*opens) if opens else None,
        closes=time(*closes) if closes else None,
    )


def ny(*args):
    return datetime(*args, tzinfo=NEW_YORK)


WEEKDAYS_8_TO_6 = weekly(*[(d, (8, 0), (18, 0)) for d in range(5)])


def test_open_inside_an_interval_and_closed_outside():
    schedule = Schedule.from_rows(WEEKDAYS_8_TO_6, [])
    status = schedule.status(ny(2026, 12, 1, 9, 30))  # Tuesday
    assert status.is_open
    assert status.closes_at == ny(2026, 12, 1, 18, 0)
    before = schedule.status(ny(2026, 12, 1, 7, 59))
    assert not before.is_open and before.opens_today
    assert before.next_open == ny(2026, 12, 1, 8, 0)
    # Closing time itself is closed.
    assert not schedule.status(ny(2026, 12, 1, 18, 0)).is_open


def test_closed_friday_evening_opens_monday():
    schedule = Schedule.from_rows(WEEKDAYS_8_TO_6, [])
    status = schedule.status(ny(2026, 12, 4, 19, 0))  # Friday evening
    assert not status.is_open
    assert status.next_open == ny(2026, 12, 7, 8, 0)  # Monday
    assert not status.opens_tomorrow
    saturday_night = schedule.status(ny(2026, 12, 6, 23, 0))  # Sunday 23:00
    assert saturday_night.opens_tomorrow


def test_several_intervals_a_day_lunch_break():
    rows = weekly((0, (8, 0), (12, 0)), (0, (13, 0), (19, 0)))
    schedule = Schedule.from_rows(rows, [])
    lunch = schedule.status(ny(2026, 11, 30, 12, 30))  # Monday
    assert not lunch.is_open
    assert lunch.next_open == ny(2026, 11, 30, 13, 0)
    assert schedule.status(ny(2026, 11, 30, 13, 0)).is_open
    assert schedule.intervals_on(date(2026, 11, 30)) == [
        (time(8), time(12)),
        (time(13), time(19)),
    ]


def test_back_to_back_intervals_report_the_final_closing_time():
    rows = weekly((0, (8, 0), (12, 0)), (0, (12, 0), (17, 0)))
    status = Schedule.from_rows(rows, []).status(ny(2026, 11, 30, 9, 0))
    assert status.closes_at == ny(2026, 11, 30, 17, 0)


def test_holiday_closure_replaces_the_weekly_hours():
    thanksgiving = date(2026, 11, 26)
    schedule = Schedule.from_rows(WEEKDAYS_8_TO_6, [exception(thanksgiving, "Thanksgiving")])
    status = schedule.status(ny(2026, 11, 26, 10, 0))
    assert not status.is_open
    assert status.exception_label == "Thanksgiving"
    assert status.next_open == ny(2026, 11, 27, 8, 0)
    assert schedule.intervals_on(thanksgiving) == []


def test_special_hours_and_closed_wins_on_the_same_date():
    eve = date(2026, 12, 24)
    schedule = Schedule.from_rows(
        WEEKDAYS_8_TO_6, [exception(eve, "Christmas Eve", False, (8, 0), (13, 0))]
    )
    assert schedule.status(ny(2026, 12, 24, 12, 0)).is_open
    assert not schedule.status(ny(2026, 12, 24, 14, 0)).is_open
    both = Schedule.from_rows(
        WEEKDAYS_8_TO_6,
        [exception(eve, "Eve", False, (8, 0), (13, 0)), exception(eve, "Eve")],
    )
    assert both.intervals_on(eve) == []


def test_special_opening_on_a_usually_closed_day():
    saturday = date(2026, 12, 19)
    schedule = Schedule.from_rows(
        WEEKDAYS_8_TO_6, [exception(saturday, "Holiday clinic", False, (9, 0), (12, 0))]
    )
    assert schedule.status(ny(2026, 12, 19, 10, 0)).is_open


def test_spring_forward_uses_daylight_time():
    # 8 March 2026: clocks go from 2:00 EST to 3:00 EDT. Sunday hours 8-12.
    schedule = Schedule.from_rows(weekly((6, (8, 0), (12, 0))), [])
    # 12:30 UTC is 8:30 EDT (open); under standard time it would be 7:30 (closed).
    assert schedule.status(datetime(2026, 3, 8, 12, 30, tzinfo=UTC)).is_open
    assert not schedule.status(datetime(2026, 3, 8, 11, 30, tzinfo=UTC)).is_open
    assert schedule.status(datetime(2026, 3, 8, 11, 30, tzinfo=UTC)).next_open.utcoffset() == (
        ny(2026, 3, 8, 8, 0).utcoffset()
    )


def test_fall_back_uses_standard_time():
    # 1 November 2026: clocks go from 2:00 EDT back to 1:00 EST. Sunday hours 8-12.
    schedule = Schedule.from_rows(weekly((6, (8, 0), (12, 0))), [])
    # 12:30 UTC is 7:30 EST (closed); under daylight time it would be 8:30 (open).
    assert not schedule.status(datetime(2026, 11, 1, 12, 30, tzinfo=UTC)).is_open
    assert schedule.status(datetime(2026, 11, 1, 13, 30, tzinfo=UTC)).is_open
    # 16:30 UTC is 11:30 EST: still open; 17:00 UTC is noon: closed.
    assert schedule.status(datetime(2026, 11, 1, 16, 30, tzinfo=UTC)).is_open
    assert not schedule.status(datetime(2026, 11, 1, 17, 0, tzinfo=UTC)).is_open


def test_open_now_is_computed_in_new_york_whatever_the_input_zone():
    schedule = Schedule.from_rows(WEEKDAYS_8_TO_6, [])
    # Monday 23:30 UTC is Monday 18:30 in New York (winter): closed, opens Tuesday 8.
    status = schedule.status(datetime(2026, 11, 30, 23, 30, tzinfo=UTC))
    assert not status.is_open
    assert status.next_open == ny(2026, 12, 1, 8, 0)
    # Tuesday 02:00 UTC is still Monday 21:00 in New York.
    assert schedule.status(datetime(2026, 12, 1, 2, 0, tzinfo=UTC)).today == date(2026, 11, 30)


def test_no_hours_at_all_is_closed_without_a_next_opening():
    status = Schedule.from_rows([], []).status(ny(2026, 12, 1, 9, 0))
    assert not status.is_open and status.next_open is None


def test_upcoming_exceptions_window():
    today = date(2026, 12, 1)
    rows = [
        exception(date(2026, 12, 25)),
        exception(date(2027, 1, 1)),
        exception(date(2026, 11, 26)),
    ]
    upcoming = Schedule.from_rows([], rows).upcoming_exceptions(today, days=30)
    assert [exc.day for exc in upcoming] == [date(2026, 12, 25)]
