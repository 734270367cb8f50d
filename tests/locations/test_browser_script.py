"""The browser script recomputes "open now" in New York time on a cached page; run
its logic under Node (Debian's nodejs) with the same data the page embeds."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from locations import views

SCRIPT = Path(__file__).resolve().parents[2] / "locations/static/locations/locations.js"
NODE = shutil.which("node")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(NODE is None, reason="node is not installed"),
]


def run(hours, messages, date_utc_ms, minutes):
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
    from datetime import UTC, datetime

    return int(datetime(year, month, day, tzinfo=UTC).timestamp() * 1000)


@pytest.fixture
def midtown_data(midtown):
    midtown.prefetch_for_render()
    return views.hours_data(midtown.schedule), views.status_messages()


def test_script_agrees_with_the_server(midtown, midtown_data):
    from datetime import datetime

    from locations.hours import NEW_YORK

    hours, messages = midtown_data
    cases = [
        (2027, 1, 5, 9, 0),  # Tuesday morning: open
        (2027, 1, 5, 21, 0),  # Tuesday night: opens tomorrow
        (2027, 1, 8, 21, 0),  # Friday night: opens Saturday
        (2027, 1, 9, 15, 0),  # Saturday afternoon: opens Monday
        (2027, 1, 10, 6, 0),  # Sunday early: opens tomorrow
        (2026, 12, 25, 10, 0),  # Christmas Day: closed with its label
        (2026, 12, 24, 12, 0),  # Christmas Eve: short day, open
        (2026, 12, 24, 14, 0),  # Christmas Eve afternoon: closed
        (2026, 11, 26, 6, 0),  # Thanksgiving
    ]
    for year, month, day, hour, minute in cases:
        moment = datetime(year, month, day, hour, minute, tzinfo=NEW_YORK)
        expected = views.status_text(midtown.schedule.status(moment))
        got = run(hours, messages, utc_ms(year, month, day), hour * 60 + minute)
        assert got == expected, (moment, got, expected)
