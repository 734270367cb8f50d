"""Which of the given pages the user may edit. Wagtail's sidebar page explorer shows
an edit pencil on every page it lists, including the ancestors a clinic manager only
passes through; its script asks here and hides the pencils that would end in
"permission denied"."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

MAX_IDS = 500


def editable_pages_view(request):
    try:
        ids = {int(value) for value in request.GET.getlist("id")}
    except ValueError:
        return JsonResponse({"error": _("Give page ids as “id”.")}, status=400)
    if len(ids) > MAX_IDS:
        return JsonResponse({"error": _("Too many pages at once.")}, status=400)
    editable = PagePermissionPolicy(Page).instances_user_has_permission_for(request.user, "change")
    found = editable.filter(pk__in=ids).values_list("pk", flat=True)
    return JsonResponse({"editable": sorted(found)})
