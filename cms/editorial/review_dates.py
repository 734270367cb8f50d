"""When a page's next medical review is due, and which pages are past it.

A reviewed page type has the fields `last_reviewed` and `next_review` (a date the
reviewer may set) and names in `review_interval_setting` the site setting holding its
review interval in months (cms.models.SiteSettings). Its next review is due on the
date set, else on the last review date plus the interval. An overdue page is shown to
editors (the dashboard, the page listing's status, the editor's status panel); patients
see the dates and the whole page as always."""

import calendar
import datetime
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Site

from cms.caching.page_cache import cached_data
from cms.models import SiteSettings


def add_months(day, months):
    """`day` moved by `months` calendar months (a day past the month's end becomes its
    last day: 31 January + 1 month is 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def interval_months(model, request=None):
    """The review interval of `model`'s pages, from the site settings of the request's
    site, or of the default site (kept in the data cache until a setting changes)."""
    name = model.review_interval_setting
    if request is not None:
        return getattr(SiteSettings.for_request(request), name)

    def load():
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            return SiteSettings._meta.get_field(name).default
        return getattr(SiteSettings.for_site(site), name)

    return cached_data(request, f"review-interval:{name}", load, depends_on=())


@dataclass(frozen=True)
class ReviewState:
    last: datetime.date | None
    due: datetime.date | None
    overdue: bool


def review_state(page, months, today=None):
    """The page's last review, when the next is due, and whether that is past (a page
    never reviewed is overdue)."""
    today = today or timezone.localdate()
    due = page.next_review or (
        add_months(page.last_reviewed, months) if page.last_reviewed else None
    )
    return ReviewState(page.last_reviewed, due, due is None or due < today)


def overdue(months, today=None):
    """A filter for the pages review_state() calls overdue on `today`."""
    today = today or timezone.localdate()
    # The first last-review date whose next review is not yet past: month ends make
    # add_months uneven, so the estimate is nudged to the exact day.
    cutoff = add_months(today, -months)
    one_day = datetime.timedelta(days=1)
    while add_months(cutoff - one_day, months) >= today:
        cutoff -= one_day
    while add_months(cutoff, months) < today:
        cutoff += one_day
    by_interval = Q(last_reviewed__lt=cutoff) | Q(last_reviewed__isnull=True)
    return Q(next_review__lt=today) | Q(next_review__isnull=True) & by_interval
