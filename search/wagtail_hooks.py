from django.conf import settings
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search import promotions
from search.models import LayTerm


class LayTermViewSet(SnippetViewSet):
    model = LayTerm
    icon = "search"
    menu_label = "Lay terms"
    list_display = ["patient_words", "page_words", "both_ways"]
    search_fields = ["patient_words", "page_words"]
    search_backend_name = None  # a short list: the database filters it


register_snippet(LayTermViewSet)


@hooks.register("purge_personal_data")
def forget_old_searches(days, dry_run):
    """The daily purge (manage.py purge_appointment_requests) drops search counts
    after SEARCH_HITS_MAX_AGE_DAYS, or after the purge's own period when shorter."""
    return promotions.forget_searches(min(days, settings.WAGTAILSEARCH_HITS_MAX_AGE), dry_run)
