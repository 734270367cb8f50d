"""The core's admin hooks: our content checker in place of Wagtail's, the admin's CSS,
the link shown when a save is refused for a colleague's newer revision, the page
chooser showing only pages the user may see; two-factor enrolment codes, and the
second step of sign-in in front of pages and documents restricted to staff."""

from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem

from cms.editorial.concurrent_edits import before_a_refused_save
from cms.editorial.content_checker import ClinicContentCheckerItem
from cms.editorial.visible_pages import only_visible_pages
from cms.security import enrolment_admin, two_factor

hooks.register("before_edit_page", before_a_refused_save)
hooks.register("construct_page_chooser_queryset", only_visible_pages)
hooks.register("register_admin_urls", enrolment_admin.admin_urls)
hooks.register("register_user_listing_buttons", enrolment_admin.user_listing_buttons)


@hooks.register("before_serve_page")
def staff_pages_ask_for_the_second_step(page, request, serve_args, serve_kwargs):
    return two_factor.second_step_for_restricted(request, page.get_view_restrictions)


# Ahead of Wagtail's own check (which sends anonymous visitors to sign in).
@hooks.register("before_serve_document", order=-1)
def staff_documents_ask_for_the_second_step(document, request):
    return two_factor.second_step_for_restricted(
        request, lambda: document.collection.get_view_restrictions()
    )


@hooks.register("construct_wagtail_userbar")
def use_clinic_content_checker(request, items, page):
    """Swap Wagtail's content checker for ours, wherever it is built (userbar, preview,
    editor side panel), keeping whether it runs in the editor."""
    for index, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, ClinicContentCheckerItem):
            items[index] = ClinicContentCheckerItem(in_editor=item.in_editor)


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
