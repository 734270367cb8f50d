"""What a change touches in the data cache for search (cms/caching/dependencies.py):
a saved or deleted search promotion drops the cached promotions (search/promotions.py)."""

from cms.caching.dependencies import on_change


def connect():
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from search.promotions import PROMOTIONS

    on_change(SearchPromotion, lambda promotion, event: {PROMOTIONS})
