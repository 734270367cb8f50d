from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks

from explorer_permissions.views import editable_pages_view


@hooks.register("register_admin_urls")
def explorer_permissions_urls():
    return [path("editable-pages/", editable_pages_view, name="explorer_editable_pages")]


@hooks.register("insert_global_admin_js")
def explorer_js():
    return format_html(
        '<script src="{}" data-editable-url="{}" id="explorer-permissions-script" defer></script>',
        static("explorer_permissions/explorer.js"),
        reverse("explorer_editable_pages"),
    )
