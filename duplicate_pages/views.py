"""Pages an editor is about to duplicate: same title (same page type, same language)
or same address (same parent). The page editor asks as the title is typed; Wagtail
itself still refuses a clashing slug on save."""

from django.http import JsonResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page


def _as_match(page, reason):
    return {
        "id": page.pk,
        "title": page.title,
        "reason": reason,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "url": page.url or "",
    }


def find_duplicates(parent, title, slug, exclude_id=None, model=None):
    """[match]: siblings under `parent` whose slug is `slug` (or the title's slug when
    no slug is given yet), and pages of `model` in the parent's language titled
    `title` (case and surrounding spaces ignored)."""
    slug = slugify(slug or title or "")
    matches, seen = [], set()
    if slug:
        for page in parent.get_children().filter(slug=slug).exclude(pk=exclude_id):
            matches.append(_as_match(page, "slug"))
            seen.add(page.pk)
    title = " ".join((title or "").split())
    if title:
        pages = Page.objects.filter(locale_id=parent.locale_id, title__iexact=title)
        if model is not None:
            pages = pages.type(model)
        for page in pages.exclude(pk=exclude_id).exclude(pk__in=seen).order_by("path")[:5]:
            matches.append(_as_match(page, "title"))
    return matches


def _page_type(label):
    from django.apps import apps

    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    return model if issubclass(model, Page) else None


def duplicates_view(request):
    """?parent=<id>&type=<app.model> while creating, ?page=<id> while editing; plus
    title and slug as typed."""
    try:
        if request.GET.get("page"):
            page = Page.objects.get(pk=int(request.GET["page"]))
            parent, exclude_id, model = page.get_parent(), page.pk, page.specific_class
        else:
            parent = Page.objects.get(pk=int(request.GET["parent"]))
            exclude_id, model = None, _page_type(request.GET.get("type", ""))
            if model is None:
                raise ValueError
    except (KeyError, ValueError, Page.DoesNotExist):
        return JsonResponse(
            {"error": _("Give “page”, or “parent” and the page “type” (app.model).")},
            status=400,
        )
    title = request.GET.get("title", "")[:255]
    slug = request.GET.get("slug", "")[:255]
    return JsonResponse({"matches": find_duplicates(parent, title, slug, exclude_id, model)})
