"""Pages an editor is about to duplicate: same title (same page type, same language)
or same address (same parent). The page editor asks as the title is typed; Wagtail
itself still refuses a clashing slug on save.

It answers only with what the asking user may see: the page being edited (or the
parent a page is added under) must be theirs to edit (or add under), and a match
names and links a page only when they may edit it. A taken address on a page they
may not edit is still reported, without title or link (Wagtail's own refusal on
save says as much)."""

from django.apps import apps
from django.http import JsonResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def _as_match(page, reason, visible):
    if not visible:
        return {"id": None, "title": "", "reason": reason, "edit_url": "", "url": ""}
    return {
        "id": page.pk,
        "title": page.title,
        "reason": reason,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "url": page.url or "",
    }


def editable_by(user):
    return PagePermissionPolicy(Page).instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )


def find_duplicates(parent, title, slug, user, exclude_id=None, model=None):
    """[match]: siblings under `parent` whose slug is `slug` (or the title's slug when
    no slug is given yet), and pages of `model` in the parent's language titled
    `title` (case and surrounding spaces ignored) that `user` may edit."""
    slug = slugify(slug or title or "")
    editable = editable_by(user)
    matches, seen = [], set()
    if slug:
        siblings = parent.get_children().filter(slug=slug).exclude(pk=exclude_id)
        visible = set(editable.filter(pk__in=siblings.values("pk")).values_list("pk", flat=True))
        for page in siblings:
            matches.append(_as_match(page, "slug", page.pk in visible))
            seen.add(page.pk)
    title = " ".join((title or "").split())
    if title:
        pages = editable.filter(locale_id=parent.locale_id, title__iexact=title)
        if model is not None:
            pages = pages.type(model)
        for page in pages.exclude(pk=exclude_id).exclude(pk__in=seen).order_by("path")[:5]:
            matches.append(_as_match(page, "title", True))
    return matches


def _page_type(label):
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
            allowed = page.permissions_for_user(request.user).can_edit()
        else:
            parent = Page.objects.get(pk=int(request.GET["parent"]))
            exclude_id, model = None, _page_type(request.GET.get("type", ""))
            if model is None:
                raise ValueError
            allowed = parent.permissions_for_user(request.user).can_add_subpage()
    except (KeyError, ValueError, Page.DoesNotExist):
        return JsonResponse(
            {"error": _("Give “page”, or “parent” and the page “type” (app.model).")},
            status=400,
        )
    if not allowed:
        return JsonResponse(
            {"error": _("You may not edit this page or add pages here.")}, status=403
        )
    title = request.GET.get("title", "")[:255]
    slug = request.GET.get("slug", "")[:255]
    matches = find_duplicates(parent, title, slug, request.user, exclude_id, model)
    return JsonResponse({"matches": matches})
