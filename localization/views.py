"""The translations board and its "start a translation" action."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.models import Locale, Page
from wagtail_localize.operations import TranslationCreator

from localization import board
from localization.review import must_be_complete, refusal
from localization.segments import pending_segments
from localization.translators import BoardAudience, target_locales

ROWS_PER_PAGE = 25


class BoardFilters(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"), required=False)
    kind = forms.ChoiceField(label=gettext_lazy("Type"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)

    def __init__(self, data, locales):
        super().__init__(data)
        anything = [("", _("All"))]
        self.fields["language"].choices = anything + [
            (locale.language_code, locale.get_display_name()) for locale in locales
        ]
        self.fields["kind"].choices = anything + board.kind_choices()
        self.fields["status"].choices = anything + list(board.STATUSES.items())

    def cleaned(self, name):
        return self.cleaned_data.get(name) if self.is_valid() else ""


def board_view(request):
    audience = BoardAudience(request.user)
    if not audience.may_view:
        return permission_denied(request)
    locales = audience.order_locales(target_locales())
    filters = BoardFilters(request.GET, locales)
    language, kind, status = (filters.cleaned(name) for name in ("language", "kind", "status"))
    rows = board.fill_cells(board.source_rows({kind} if kind else None), locales)
    counts = board.language_counts(rows, locales)
    shown_locales = [locale for locale in locales if locale.language_code == language] or locales
    if language:
        for row in rows:
            row.cells = [cell for cell in row.cells if cell.locale in shown_locales]
    if status:
        rows = [row for row in rows if status in row.statuses()]
    page = Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    context = {
        "page_title": _("Translations"),
        "header_title": _("Translations"),
        "header_icon": "globe",
        "filters": filters,
        "locales": shown_locales,
        "counts": [(locale, counts[locale.pk]) for locale in locales],
        "statuses": board.STATUSES,
        "rows": page,
        "row_count": len(rows),
        "kind": kind,
        "query": query.urlencode(),
        "audience": audience,
        "board_url": reverse("localization_board"),
    }
    for row in page:
        row.edit_url = board.edit_url(row.model, row.pk)
        for cell in row.cells:
            # Links for the cells shown only (reversing URLs for every cell is slow).
            cell.url = cell.continue_url(row)
            cell.may_start = cell.status == board.NOT_STARTED and audience.may_start(
                cell.locale, row.model
            )
    return TemplateResponse(
        request,
        "localization/board.html",
        context,
        status=200 if filters.is_valid() else 400,
    )


def _would_publish(instance):
    """Whether wagtail-localize's TranslationCreator would publish the new translation
    (once the transaction commits): with WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
    on, its default, a live source page makes a live translation."""
    sync_live = getattr(settings, "WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE", True)
    return isinstance(instance, Page) and sync_live and instance.live


def _may_add_in_locale(user, page, locale):
    """Wagtail's own check: may the user add a page where the translation will sit
    (under the nearest ancestor that exists in that language)?"""
    for ancestor in reversed(page.get_ancestors()):
        translated = ancestor.get_translation_or_none(locale)
        if translated is not None:
            return translated.permissions_for_user(user).can_add_subpage()
    return False


@require_POST
def start_translation(request, kind, object_id, language_code):
    """Create a draft translation with wagtail-localize, then open its editor."""
    audience = BoardAudience(request.user)
    if not audience.may_view:
        return permission_denied(request)
    model = {**board.page_kinds(), **board.snippet_kinds()}.get(kind)
    locale = Locale.objects.filter(language_code=language_code).first()
    default = Locale.get_default()
    if model is None or locale is None or locale.pk == default.pk:
        raise Http404
    instance = model.objects.filter(pk=object_id, locale=default).first()
    if instance is None:
        raise Http404
    is_page = isinstance(instance, Page)
    if not audience.may_start(locale, model) or (
        is_page and not _may_add_in_locale(request.user, instance, locale)
    ):
        return permission_denied(request)
    existing = instance.get_translation_or_none(locale)
    if existing is not None and not getattr(existing, "alias_of_id", None):
        messages.info(request, _("This translation already exists; here it is."))
        return redirect(board.edit_url(model, existing.pk))
    if _would_publish(instance):
        messages.error(
            request,
            _(
                "Nothing was created: this site publishes new translations at once "
                "(WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE); translations must "
                "start as drafts."
            ),
        )
        return redirect("localization_board")
    with transaction.atomic():
        TranslationCreator(request.user, [locale]).create_translations(instance)
    translated = instance.get_translation(locale)
    messages.success(
        request,
        _("Draft translation into %(language)s started: nothing is live yet.")
        % {"language": locale.get_display_name()},
    )
    return redirect(board.edit_url(model, translated.pk))


def translation_status(request, page_id):
    """Every segment of a translated page still untranslated or out of date (what the
    submit and review screens list), for those who may edit or review the page."""
    page = get_object_or_404(Page, pk=page_id)
    permissions = page.permissions_for_user(request.user)
    if not (permissions.can_edit() or permissions.can_publish()):
        return permission_denied(request)
    pending = pending_segments(page)
    context = {
        "page_title": _("Translation status"),
        "header_title": _("Translation status: %(title)s")
        % {"title": page.get_admin_display_title()},
        "header_icon": "globe",
        "pending": pending,
        "language_code": page.locale.language_code,
        "refusal": refusal(pending) if pending and must_be_complete(page) else "",
        "edit_url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
    }
    return TemplateResponse(request, "localization/translation_status.html", context)
