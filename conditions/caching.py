"""What a change to condition pages touches in the page and data caches
(cms/caching/dependencies.py). Imported from ConditionsConfig.ready() only."""

from cms.caching.dependencies import on_change, page_reads
from conditions.listing import CONDITIONS
from conditions.models import ConditionIndexPage, ConditionPage


def connect():
    # The index lists every condition (name, body area); other condition and clinic
    # pages show a condition's name, which is part of the tree as every page sees it.
    on_change(ConditionPage, lambda page, event: {CONDITIONS}, tree_fields=("condition_name",))
    page_reads(ConditionIndexPage, CONDITIONS)
    # Its related conditions and clinics come from data it records (ConditionPage._linked).
    page_reads(ConditionPage)
