"""Serves the language fallbacks (localization/fallback.py) where a page is missing in
the reader's language. Sits after the page-routing middleware: it asks Wagtail's route
for the request first (primed there, so it costs nothing) and acts only on a miss."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Page

from localization import fallback, marking

ROBOTS_HEADER = "X-Robots-Tag"


def _is_html_page(response):
    return (
        response.status_code == 200
        and not response.streaming
        and response.get("Content-Type", "").startswith("text/html")
    )


class LanguageFallbackMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "language_fallback", None) is not None:
            # Not for search engines: the English page is the one to index.
            response[ROBOTS_HEADER] = "noindex"
        page = getattr(request, "translated_page", None)
        if page is not None and _is_html_page(response):
            segments = marking.english_segments(request, page)
            if segments:
                response.content = marking.mark_english(response.content.decode(), segments)
                if response.has_header("Content-Length"):
                    response["Content-Length"] = str(len(response.content))
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else None)
        if path is None:
            return None
        found = Page.route_for_request(request, path)
        language = get_language()
        if found is not None:
            if language and language != settings.LANGUAGE_CODE:
                fallback.relink_context(found[0], language)
                # Its untranslated English is marked as such once rendered.
                request.translated_page = found[0]
            return None
        found = fallback.route(request, path)
        if found is None:
            return None
        if isinstance(found, str):
            return HttpResponseRedirect(found)
        if isinstance(found, tuple) and found[0] == "clinical":
            return fallback.not_yet_translated(request, found[1])
        request._wagtail_route_for_request = found
        return None
