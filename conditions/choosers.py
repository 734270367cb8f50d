"""The related-conditions chooser: Wagtail's page chooser, opening at the conditions
index of the edited page's language and offering that language's condition pages
(other than the edited page), with no locale menu to leave that language
(chooser_views.py)."""

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property
from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.admin.widgets.chooser import AdminPageChooser, PageChooserAdapter
from wagtail.models import Locale

CONDITION_PAGE_TYPE = "conditions.conditionpage"


class StartingPageChooser(AdminPageChooser):
    """A page chooser that opens at `start_page_id`, also on a row whose chosen page
    lives elsewhere (Wagtail would open at that page's parent), and never offers
    `edited_page_id`: Wagtail sends it as `target_pages[]` with every chooser request,
    browsing and searching (the hook below leaves it out)."""

    start_page_id = None
    edited_page_id = None

    @property
    def base_js_init_options(self):
        options = super().base_js_init_options
        if self.start_page_id:
            options["parentId"] = self.start_page_id
        if self.edited_page_id:
            options["targetPages"] = [self.edited_page_id]
        return options

    def get_js_init_options(self, id_, name, value_data):
        options = super().get_js_init_options(id_, name, value_data)
        if self.start_page_id:
            options["parentId"] = self.start_page_id
        return options


class StartingPageChooserAdapter(PageChooserAdapter):
    js_constructor = "conditions.widgets.StartingPageChooser"

    @cached_property
    def media(self):
        # One list: Django merges media keeping the order *within* each list only, so
        # `super().media + Media(js=[ours])` let the merge put this script before
        # page-chooser-telepath.js, which defines the class it extends.
        wagtail_js = super().media._js
        return forms.Media(
            js=[*wagtail_js, versioned_static("conditions/starting-page-chooser.js")]
        )


register(StartingPageChooserAdapter(), StartingPageChooser)


def limit_related_conditions(formset, page, index):
    """Make the related-conditions rows of `page` (child of `index`) offer condition
    pages of the page's language only, other than the page itself, and open the chooser
    at `index`. A row already pointing elsewhere keeps its page (a translation's rows
    point at the English pages they were synchronized from)."""
    base = formset.form
    locale_id = page.locale_id or index.locale_id

    class RelatedConditionForm(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            field = self.fields["condition"]
            kept = Q(locale_id=locale_id)
            if self.instance.condition_id:
                kept |= Q(pk=self.instance.condition_id)
            choices = field.queryset.filter(kept)
            if page.pk:
                choices = choices.exclude(translation_key=page.translation_key)
            field.queryset = choices
            field.error_messages["invalid_choice"] = (
                "Choose a condition page in this page's language (not this page itself)."
            )
            widget = StartingPageChooser(target_models=[field.queryset.model])
            widget.start_page_id = index.pk
            widget.edited_page_id = page.pk
            field.widget = widget

    formset.form = RelatedConditionForm


def duplicate_rows(formset):
    """The forms of `formset` whose chosen condition page an earlier row already has."""
    seen, duplicates = set(), []
    for form in formset.forms:
        if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
            continue
        condition = form.cleaned_data.get("condition")
        if condition is None:
            continue
        if condition.pk in seen:
            duplicates.append(form)
        seen.add(condition.pk)
    return duplicates


def choosing_condition_pages(request):
    return request.GET.get("page_type", "").lower() == CONDITION_PAGE_TYPE


@hooks.register("construct_page_chooser_queryset")
def condition_pages_in_the_editors_language(pages, request):
    """A chooser for condition pages opened from a page editor (which sends the page's
    language as `locale`) lists that language's pages only, browsing and searching,
    and not the page being edited (`target_pages[]`)."""
    if not choosing_condition_pages(request):
        return pages
    edited = [pk for pk in request.GET.getlist("target_pages[]") if pk.isdigit()]
    if edited:
        pages = pages.exclude(pk__in=edited)
    language = request.GET.get("locale")
    if not language:
        return pages
    # By id: the chooser's search filters on indexed fields, and Page indexes `locale`.
    locale = Locale.objects.filter(language_code=language).first()
    return pages.filter(locale_id=locale.pk) if locale else pages.none()
