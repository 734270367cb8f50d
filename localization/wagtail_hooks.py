"""Admin pieces of the translation lifecycle: "Sync translated pages" without its
"Publish immediately", the translations board (URLs, menu, dashboard panel) and the
translation editor's right-to-left support."""

from django.forms import Media
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail_localize.views.update_translations import UpdateTranslationsView

from localization import board, fallback, views
from localization.translators import BoardAudience, target_locales


class UpdateTranslationsAsDrafts(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages" without its "Publish immediately":
    that would publish every translation with the new source text in the source
    language. The sync refreshes what translators see; they (or, for condition
    pages, clinical reviewers) publish each translation."""

    def get_form(self):
        form = super().get_form()
        form.fields.pop("publish_translations", None)
        return form

    def form_valid(self, form):
        form.cleaned_data["publish_translations"] = False
        return super().form_valid(form)


@hooks.register("register_admin_urls")
def update_translations_as_drafts():
    # Registered before wagtail-localize's hooks (INSTALLED_APPS order), so this view
    # answers its "localize/update/<id>/" URL, which it keeps reversing by name.
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsAsDrafts.as_view(),
            name="localization_update_translations",
        )
    ]


@hooks.register("register_admin_urls")
def board_urls():
    return [
        path("translations/", views.board_view, name="localization_board"),
        path(
            "translations/start/<str:kind>/<int:object_id>/<str:language_code>/",
            views.start_translation,
            name="localization_start",
        ),
        path(
            "translations/status/<int:page_id>/",
            views.translation_status,
            name="localization_status",
        ),
    ]


class BoardMenuItem(MenuItem):
    def is_shown(self, request):
        return BoardAudience(request.user).may_view


@hooks.register("register_admin_menu_item")
def board_menu_item():
    return BoardMenuItem(
        _("Translations"), reverse("localization_board"), icon_name="globe", order=250
    )


class TranslationsPanel(Component):
    """The dashboard's first panel for translators (and editors, reviewers): where each
    of their languages stands, each number linking to the board filtered on it."""

    name = "translations_board"
    template_name = "localization/home_panel.html"
    order = 10

    def __init__(self, audience):
        self.audience = audience

    def get_context_data(self, parent_context):
        locales = self.audience.order_locales(target_locales())
        if self.audience.language_codes:
            own = self.audience.language_codes
            locales = [locale for locale in locales if locale.language_code in own]
        rows = board.fill_cells(board.source_rows(), locales)
        counts = board.language_counts(rows, locales)
        return {
            "counts": [(locale, counts[locale.pk]) for locale in locales],
            "statuses": board.STATUSES,
            "board_url": reverse("localization_board"),
        }


@hooks.register("construct_homepage_panels")
def add_translations_panel(request, panels):
    audience = BoardAudience(request.user)
    if audience.may_view and (audience.is_translator or request.user.is_superuser):
        panels.append(TranslationsPanel(audience))
    elif audience.may_view:
        panels.append(BoardLinkPanel())


class BoardLinkPanel(Component):
    name = "translations_board_link"
    order = 200
    media = Media()

    def render_html(self, parent_context=None):
        return format_html(
            '<p class="translations-board-link"><a href="{}">{}</a></p>',
            reverse("localization_board"),
            _("Translations board: every page in every language"),
        )


@hooks.register("insert_editor_js")
def translation_editor_direction_js():
    # Loaded before wagtail-localize's editor script; it only acts on the translation
    # editor (the element carrying the target language, see the edit_translation
    # template override).
    return format_html('<script src="{}"></script>', static("localization/translation-editor.js"))


@hooks.register("language_fallback_urls")
def language_fallback_urls(request, page_id, languages):
    """The language switcher's and navigation's links for a page missing in a language:
    its fallback (a clinic, the clinic list) or "not yet translated" page (a condition)."""
    return fallback.switcher_urls(request, page_id, languages)


@hooks.register("language_fallback_relink")
def language_fallback_relink(request, pages, language):
    """English page objects shown to a reader of `language` (the footer's clinics
    before they are translated) link to that language's fallback pages."""
    fallback.relink(request, pages, language)


@hooks.register("untranslated_children")
def untranslated_children(index, children):
    """A translated clinic list also lists the clinics not translated into its language."""
    return fallback.untranslated_children(index, children)
