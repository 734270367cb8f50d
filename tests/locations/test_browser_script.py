"""The browser script recomputes "open now" in New York time on a cached page; run
its logic under Node (Debian's nodejs, installed by .ci/run) with the same data the page
embeds. The moments tested come from the demo clinic's own holidays, so the test means
the same whatever year it runs in."""

import json
import shutil
import subprocess
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from locations.hours import hours_data, status_messages, status_text
from tests.require import require

SCRIPT = Path(__file__).resolve().parents[2] / "locations/static/locations/locations.js"
NODE = shutil.which("node")

pytestmark = pytest.mark.django_db


def run(hours, messages, date_utc_ms, minutes):
    require(NODE is not None, "node is missing (Debian: apt-get install nodejs)")
    program = (
        f"const s = require({json.dumps(str(SCRIPT))});"
        f"process.stdout.write(s.statusText({json.dumps(hours)}, {json.dumps(messages)},"
        f" {{date: {date_utc_ms}, minutes: {minutes}}}));"
    )
    result = subprocess.run(  # noqa: S603 - fixed program, no user input
        [NODE, "-e", program], capture_output=True, text=True, timeout=30, check=True
    )
    return result.stdout


def utc_ms(year, month, day):
    return int(datetime(year, month, day, tzinfo=UTC).timestamp() * 1000)


@pytest.fixture
def midtown_data(midtown):
    midtown.prefetch_for_render()
    return hours_data(midtown.schedule), status_messages()


def holiday(location, label):
    found = [e for e in location.hours_exceptions.all() if e.display_label == label]
    assert found, f"the demo's {location.title} has no {label!r}"
    return min(found, key=lambda e: e.date)


def ordinary_week(location):
    """The Monday of the first week after the demo's first holiday with no exception."""
    taken = {e.date for e in location.hours_exceptions.all()}
    monday = min(taken) + timedelta(days=7 - min(taken).weekday())
    while any(monday + timedelta(days=n) in taken for n in range(7)):
        monday += timedelta(days=7)
    return monday


def test_script_agrees_with_the_server(midtown, midtown_data):
    from locations.hours import NEW_YORK

    hours, messages = midtown_data
    monday = ordinary_week(midtown)
    eve = holiday(midtown, "Christmas Eve")
    assert not eve.closed and eve.closes.hour >= 1
    cases = [
        (monday + timedelta(days=1), 9, 0),  # Tuesday morning: open
        (monday + timedelta(days=1), 21, 0),  # Tuesday night: opens tomorrow
        (monday + timedelta(days=4), 21, 0),  # Friday night: opens Saturday
        (monday + timedelta(days=5), 15, 0),  # Saturday afternoon: opens Monday
        (monday + timedelta(days=6), 6, 0),  # Sunday early: opens tomorrow
        (holiday(midtown, "Christmas Day").date, 10, 0),  # closed with its label
        (eve.date, eve.closes.hour - 1, 0),  # a short day, open
        (eve.date, eve.closes.hour + 1, 0),  # the short day's afternoon: closed
        (holiday(midtown, "Thanksgiving").date, 6, 0),
    ]
    statuses = set()
    for day, hour, minute in cases:
        moment = datetime.combine(day, time(hour, minute), tzinfo=NEW_YORK)
        expected = status_text(midtown.schedule.status(moment))
        got = run(hours, messages, utc_ms(day.year, day.month, day.day), hour * 60 + minute)
        assert got == expected, (moment, got, expected)
        statuses.add(got)
    # The moments cover different answers, not one status again and again.
    assert len(statuses) >= 5, statuses
