"""The editor's reading-grade figure (a JSON endpoint the page editor calls with the
text of its live preview) and the reviewers' report of pages above the target grade.
Both sit behind the admin's own login (register_admin_urls)."""

import json

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Site

from cms.models import SiteSettings
from readability.grade import MEASURED_LANGUAGES, measure
from readability.text import page_text

MAX_TEXT = 200_000  # characters; a page's prose is far shorter


def target_grade(request):
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site).readability_target_grade


@require_POST
def measure_view(request):
    try:
        payload = json.loads(request.body or b"{}")
        text, language = str(payload["text"]), str(payload.get("language", "en"))
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"error": _("Send JSON with “text” and “language”.")}, status=400)
    if len(text) > MAX_TEXT:
        return JsonResponse({"error": _("The text is too long to measure.")}, status=400)
    result = measure(text, language)
    target = target_grade(request)
    if result is None:
        return JsonResponse({"measured": False, "language": language, "target": target})
    return JsonResponse(
        {"measured": True, "target": target, "above_target": result.grade > target}
        | result.as_dict()
    )


def pages_above_target(model, target):
    """Per measured language, the live pages of `model` whose grade is above `target`,
    worst first: [(locale, [(page, measure), ...])]."""
    rows = []
    for locale in Locale.objects.filter(language_code__in=MEASURED_LANGUAGES):
        found = []
        for page in model.objects.live().filter(locale=locale).specific():
            result = measure(page_text(page), locale.language_code)
            if result is not None and result.grade > target:
                found.append((page, result))
        found.sort(key=lambda row: row[1].grade, reverse=True)
        rows.append((locale, found))
    return rows


def report_view(request, model):
    target = target_grade(request)
    return render(
        request,
        "readability/report.html",
        {
            "target": target,
            "languages": pages_above_target(model, target),
            "page_title": _("Reading grade"),
        },
    )
