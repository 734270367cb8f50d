from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import LayTerm


class LayTermViewSet(SnippetViewSet):
    model = LayTerm
    icon = "search"
    menu_label = "Lay terms"
    list_display = ["patient_words", "page_words", "both_ways"]
    search_fields = ["patient_words", "page_words"]
    search_backend_name = None  # a short list: the database filters it


register_snippet(LayTermViewSet)
