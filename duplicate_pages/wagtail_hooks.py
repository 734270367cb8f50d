"""Warns in the page editor, as the title is typed, about a page with the same title
or address (views.find_duplicates)."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks

from duplicate_pages import views


@hooks.register("register_admin_urls")
def duplicate_pages_urls():
    return [path("duplicate-pages/", views.duplicates_view, name="duplicate_pages_check")]


@hooks.register("insert_editor_js")
def editor_js():
    return format_html(
        '<script src="{}" data-check-url="{}" id="duplicate-pages-script" defer></script>',
        static("duplicate_pages/editor.js"),
        reverse("duplicate_pages_check"),
    )
