"""What the search app plugs into the core (cms), from SearchConfig.ready()."""

from cms.api.endpoints import register_search_filter
from cms.editorial import roles
from search.api import WordsSearchFilter
from search.models import LayTerm


def register():
    roles.register_snippet(LayTerm)
    register_search_filter(WordsSearchFilter)
