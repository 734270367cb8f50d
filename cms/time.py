"""Times as staff read them: New York time, with its zone."""

from zoneinfo import ZoneInfo

from django.utils import formats, timezone

NEW_YORK = ZoneInfo("America/New_York")


def new_york_time(moment):
    """`moment` in New York time with its zone (EST or EDT), in the reader's
    language's date format; "" for None."""
    if moment is None:
        return ""
    local = timezone.localtime(moment, NEW_YORK)
    return f"{formats.date_format(local, 'DATETIME_FORMAT')} {local.tzname()}"
