"""What a change touches in the data cache for search (cms/caching/dependencies.py):
a saved or deleted search promotion drops the cached promotions (search/promotions.py).
Imported from SearchConfig.ready() only."""

from wagtail.contrib.search_promotions.models import SearchPromotion

from cms.caching.dependencies import on_change
from search.promotions import PROMOTIONS


def connect():
    on_change(SearchPromotion, lambda promotion, event: {PROMOTIONS})
