"""What pages the admin's page chooser may show a user: live pages (anyone can see
them on the site) and the pages they may edit. A draft someone else is preparing
(its title, its address) stays out of their chooser, browsing, searching, or asking
for chosen pages by id."""

from django.db.models import Q
from wagtail.admin.views.chooser import ChosenMultipleView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def visible_pages(pages, user):
    if user.is_superuser:
        return pages
    editable = PagePermissionPolicy(Page).instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return pages.filter(Q(live=True) | Q(depth=1) | Q(pk__in=editable.values("pk")))


def only_visible_pages(pages, request):
    """construct_page_chooser_queryset hook."""
    return visible_pages(pages, request.user)


class VisibleChosenMultipleView(ChosenMultipleView):
    """Wagtail's "chosen pages" answer (titles and URLs for the ids asked), for
    visible pages only; mounted ahead of the admin's URLs (cms/urls.py)."""

    def get(self, request):
        ids = request.GET.getlist("id")
        visible = visible_pages(Page.objects.filter(pk__in=ids), request.user)
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in visible.values_list("pk", flat=True)])
        return super().get(request)
