"""Opening hours in New York time: which intervals apply on a date (weekly hours
unless a dated exception replaces them), whether the clinic is open at a moment,
and when it next opens. Pure functions over plain data, so the rules are easy to
test and the same data can be handed to the browser script; and the same in words,
in the current language (status sentences, a clinic page's week).

Moments are compared in UTC: Python compares two datetimes that share a tzinfo by
wall-clock time, which is wrong across a daylight-saving change."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.time import NEW_YORK

LOOKAHEAD_DAYS = 14

WEEKDAYS = [
    (0, gettext_lazy("Monday")),
    (1, gettext_lazy("Tuesday")),
    (2, gettext_lazy("Wednesday")),
    (3, gettext_lazy("Thursday")),
    (4, gettext_lazy("Friday")),
    (5, gettext_lazy("Saturday")),
    (6, gettext_lazy("Sunday")),
]
SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def local_moment(day, clock):
    """The instant (in UTC) at wall-clock `clock` on `day` in New York."""
    return datetime.combine(day, clock, tzinfo=NEW_YORK).astimezone(UTC)


@dataclass(frozen=True)
class DayException:
    day: date
    label: str = ""
    intervals: tuple = ()  # empty: closed all day
    language: str = "en"  # the label's language (a reason not translated yet is English)

    @property
    def closed(self):
        return not self.intervals


@dataclass(frozen=True)
class Status:
    is_open: bool
    today: date
    closes_at: datetime | None = None  # New York time
    next_open: datetime | None = None  # New York time
    exception_label: str = ""  # the label of today's exception, if any

    @property
    def opens_today(self):
        return self.next_open is not None and self.next_open.date() == self.today

    @property
    def opens_tomorrow(self):
        return self.next_open is not None and self.next_open.date() == self.today + timedelta(1)


def row_label(row):
    """A dated row's label as patients read it: HoursException's reason in the page's
    language (`display_label`), or the `label` of any other row-like object."""
    return getattr(row, "display_label", row.label)


def row_language(row):
    """The language of `row_label(row)` (a plain row-like object's label is English)."""
    return getattr(row, "display_language", "en")


@dataclass
class Schedule:
    """weekly: {weekday (Monday=0): [(opens, closes), ...]};
    exceptions: {date: DayException}."""

    weekly: dict = field(default_factory=dict)
    exceptions: dict = field(default_factory=dict)

    @classmethod
    def from_rows(cls, weekly_rows, exception_rows):
        """From OpeningHours-like rows (weekday, opens, closes) and HoursException-like
        rows (date, label, closed, opens, closes). Several rows on one date give several
        intervals; a "closed all day" row on a date wins over special hours."""
        weekly = {}
        for row in weekly_rows:
            weekly.setdefault(row.weekday, []).append((row.opens, row.closes))
        by_day = {}
        for row in exception_rows:
            by_day.setdefault(row.date, []).append(row)
        exceptions = {}
        for day, rows in by_day.items():
            labelled = next((row for row in rows if row_label(row)), None)
            label = row_label(labelled) if labelled is not None else ""
            language = row_language(labelled) if labelled is not None else "en"
            if any(row.closed for row in rows):
                intervals = ()
            else:
                intervals = tuple(sorted((r.opens, r.closes) for r in rows if r.opens and r.closes))
            exceptions[day] = DayException(day, label, intervals, language)
        return cls({day: sorted(v) for day, v in weekly.items()}, exceptions)

    def key(self):
        """A hashable summary: two clinics with equal keys keep the same hours."""
        weekly = tuple((day, tuple(intervals)) for day, intervals in sorted(self.weekly.items()))
        return weekly, tuple(sorted(self.exceptions.items()))

    def intervals_on(self, day):
        """The (opens, closes) wall-clock intervals on `day`, exceptions applied."""
        exception = self.exceptions.get(day)
        if exception is not None:
            return list(exception.intervals)
        return list(self.weekly.get(day.weekday(), []))

    def status(self, now=None):
        """Open or closed at `now` (any aware datetime; default: the current moment)."""
        now = (now or datetime.now(UTC)).astimezone(UTC)
        today = now.astimezone(NEW_YORK).date()
        exception = self.exceptions.get(today)
        label = exception.label if exception is not None else ""
        for offset in range(0, LOOKAHEAD_DAYS + 1):
            day = today + timedelta(days=offset)
            for opens, closes in self.intervals_on(day):
                start, end = local_moment(day, opens), local_moment(day, closes)
                if start <= now < end:
                    end = self._extend(day, end)
                    return Status(
                        True, today, closes_at=end.astimezone(NEW_YORK), exception_label=label
                    )
                if start > now:
                    return Status(
                        False, today, next_open=start.astimezone(NEW_YORK), exception_label=label
                    )
        return Status(False, today, exception_label=label)

    def _extend(self, day, end):
        """Back-to-back intervals (9-12, 12-5) read as one: closes at 5."""
        for opens, closes in self.intervals_on(day):
            if local_moment(day, opens) == end:
                return self._extend(day, local_moment(day, closes))
        return end

    def upcoming_exceptions(self, today, days=30):
        last = today + timedelta(days=days)
        return [exc for day, exc in sorted(self.exceptions.items()) if today <= day <= last]

    def as_data(self):
        """A JSON-ready form for the browser script."""
        return {
            "weekly": {
                str(day): [[o.strftime("%H:%M"), c.strftime("%H:%M")] for o, c in intervals]
                for day, intervals in sorted(self.weekly.items())
            },
            "exceptions": {
                day.isoformat(): {
                    "label": exc.label,
                    "intervals": [
                        [o.strftime("%H:%M"), c.strftime("%H:%M")] for o, c in exc.intervals
                    ],
                }
                for day, exc in sorted(self.exceptions.items())
            },
        }


# -- in words, in the current language ------------------------------------------------


def time_label(value):
    return formats.time_format(value)


def status_text(status):
    """A sentence for a Status, in the current language."""
    if status.is_open:
        return _("Open now, closes at %(time)s") % {"time": time_label(status.closes_at)}
    prefix = _("Closed")
    if status.exception_label:
        prefix = _("Closed today (%(label)s)") % {"label": status.exception_label}
    if status.next_open is None:
        return prefix
    when = time_label(status.next_open)
    if status.opens_today:
        return _("%(closed)s, opens at %(time)s") % {"closed": prefix, "time": when}
    if status.opens_tomorrow:
        return _("%(closed)s, opens tomorrow at %(time)s") % {"closed": prefix, "time": when}
    day = str(WEEKDAYS[status.next_open.weekday()][1])
    return _("%(closed)s, opens %(day)s at %(time)s") % {
        "closed": prefix,
        "day": day,
        "time": when,
    }


def status_messages():
    """The sentences the browser script fills in, so it speaks the page's language."""
    return {
        "open": _("Open now, closes at %(time)s") % {"time": "{time}"},
        "closed": _("Closed"),
        "closedLabel": _("Closed today (%(label)s)") % {"label": "{label}"},
        "opensToday": _("%(closed)s, opens at %(time)s") % {"closed": "{closed}", "time": "{time}"},
        "opensTomorrow": _("%(closed)s, opens tomorrow at %(time)s")
        % {"closed": "{closed}", "time": "{time}"},
        "opensDay": _("%(closed)s, opens %(day)s at %(time)s")
        % {"closed": "{closed}", "day": "{day}", "time": "{time}"},
        "days": [str(name) for _number, name in WEEKDAYS],
    }


def hours_data(schedule):
    """The schedule plus display labels for every time in it."""
    data = schedule.as_data()
    labels = {}
    intervals = [i for day in schedule.weekly.values() for i in day]
    intervals += [i for exc in schedule.exceptions.values() for i in exc.intervals]
    for opens, closes in intervals:
        labels[opens.strftime("%H:%M")] = time_label(opens)
        labels[closes.strftime("%H:%M")] = time_label(closes)
    data["labels"] = labels
    return data


def interval_text(intervals):
    if not intervals:
        return _("Closed")
    return ", ".join(f"{time_label(o)}\u2013{time_label(c)}" for o, c in intervals)


def page_hours(schedule, now):
    """What a clinic's page says about its hours at `now`: open or not, the next seven
    days, the regular week, the dated exceptions of the next 30 days, and the data the
    browser script recomputes "open now" from on a cached page."""
    today = now.astimezone(NEW_YORK).date()
    week = []
    for offset in range(7):
        day = today + timedelta(days=offset)
        week.append(
            {
                "date": day,
                "name": WEEKDAYS[day.weekday()][1],
                "is_today": offset == 0,
                "hours": interval_text(schedule.intervals_on(day)),
                "exception": schedule.exceptions.get(day),
            }
        )
    status = schedule.status(now)
    return {
        "status": status,
        "status_text": status_text(status),
        "today_hours": week[0]["hours"],
        "week": week,
        "regular_hours": [
            {"name": name, "hours": interval_text(schedule.weekly.get(number, []))}
            for number, name in WEEKDAYS
        ],
        "upcoming_exceptions": [
            {"exception": exc, "hours": interval_text(exc.intervals)}
            for exc in schedule.upcoming_exceptions(today, days=30)
        ],
        "hours_data": hours_data(schedule),
        "hours_messages": status_messages(),
    }
