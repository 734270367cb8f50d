"""The related-conditions chooser: Wagtail's page chooser, opening at the conditions
index of the edited page's language and offering that language's condition pages."""

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
    """A page chooser that opens at `start_page_id` while nothing is chosen (once a
    page is chosen, Wagtail opens it at that page's parent)."""

    start_page_id = None

    @property
    def base_js_init_options(self):
        options = super().base_js_init_options
        if self.start_page_id:
            options["parentId"] = self.start_page_id
        return options


class StartingPageChooserAdapter(PageChooserAdapter):
    js_constructor = "conditions.widgets.StartingPageChooser"

    @cached_property
    def media(self):
        return super().media + forms.Media(
            js=[versioned_static("conditions/starting-page-chooser.js")]
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


@hooks.register("construct_page_chooser_queryset")
def condition_pages_in_the_editors_language(pages, request):
    """A chooser for condition pages opened from a page editor (which sends the page's
    language as `locale`) lists that language's pages only, browsing and searching."""
    if request.GET.get("page_type", "").lower() != CONDITION_PAGE_TYPE:
        return pages
    language = request.GET.get("locale")
    if not language:
        return pages
    # By id: the chooser's search filters on indexed fields, and Page indexes `locale`.
    locale = Locale.objects.filter(language_code=language).first()
    return pages.filter(locale_id=locale.pk) if locale else pages.none()
