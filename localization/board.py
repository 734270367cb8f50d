"""The translations board's data: every translatable page and snippet in the source
language × every other language, with one status per cell.

Everything is read in bulk from Wagtail's and wagtail-localize's own records (pages,
Translation, StringSegment, StringTranslation, WorkflowState) and from
OutdatedTranslation, so a board page costs the same few queries however many pages
the site has (tests/localization/test_board.py counts them)."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, TranslatableMixin, WorkflowState, get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, Translation

from localization.models import OutdatedTranslation

NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
REVIEW = "review"
OUTDATED = "outdated"
LIVE = "live"
STATUSES = {
    NOT_STARTED: _("Not started"),
    IN_PROGRESS: _("In progress"),
    REVIEW: _("Awaiting clinical review"),
    OUTDATED: _("Outdated"),
    LIVE: _("Live"),
}


# What the board reads of each translated page.
PAGE_TARGET_FIELDS = (
    "pk",
    "translation_key",
    "locale_id",
    "live",
    "has_unpublished_changes",
    "alias_of_id",
)


def page_kinds():
    """{"app.model": model} of every translatable page type (all but Wagtail's root)."""
    return {
        model._meta.label_lower: model
        for model in get_page_models()
        if model is not Page and not model._meta.abstract
    }


def snippet_kinds():
    """{"app.model": model} of every translatable snippet (clinicians, body areas, …)."""
    return {
        model._meta.label_lower: model
        for model in get_snippet_models()
        if issubclass(model, TranslatableMixin)
    }


def kind_choices():
    kinds = {**page_kinds(), **snippet_kinds()}
    return [(key, model._meta.verbose_name.capitalize()) for key, model in kinds.items()]


@dataclass
class Cell:
    locale: Locale
    status: str = NOT_STARTED
    target_pk: object = None
    translated: int | None = None
    total: int | None = None
    outdated_since: object = None

    def continue_url(self, row):
        return edit_url(row.model, self.target_pk) if self.target_pk is not None else ""

    @property
    def label(self):
        return STATUSES[self.status]

    @property
    def shows_progress(self):
        """Strings translated out of all: while under way, and for a page live partly
        in English."""
        if self.total is None:
            return False
        return self.status != LIVE or self.translated < self.total


@dataclass
class Row:
    kind: str
    model: type
    pk: object
    title: str
    translation_key: object
    is_page: bool
    cells: list = field(default_factory=list)

    @property
    def kind_label(self):
        return self.model._meta.verbose_name.capitalize()

    def statuses(self):
        return {cell.status for cell in self.cells}


def source_rows(kinds=None):
    """The source-language objects, pages in tree order then snippets: one query for
    the pages and one per snippet model."""
    default = Locale.get_default()
    pages, snippets = page_kinds(), snippet_kinds()
    if kinds:
        pages = {key: model for key, model in pages.items() if key in kinds}
        snippets = {key: model for key, model in snippets.items() if key in kinds}
    rows = []
    if pages:
        content_types = ContentType.objects.get_for_models(*pages.values())
        model_by_type = {ct.pk: model for model, ct in content_types.items()}
        for values in (
            Page.objects.filter(locale=default, content_type__in=content_types.values())
            .order_by("path")
            .values("pk", "title", "translation_key", "content_type_id")
        ):
            model = model_by_type[values["content_type_id"]]
            rows.append(
                Row(
                    model._meta.label_lower,
                    model,
                    values["pk"],
                    values["title"],
                    values["translation_key"],
                    True,
                )
            )
    for key, model in snippets.items():
        objects = sorted(model.objects.filter(locale=default), key=str)
        rows.extend(
            Row(key, model, obj.pk, str(obj), obj.translation_key, False) for obj in objects
        )
    return rows


def _progress(translation_records):
    """{(translation_key, locale_id): (translated, total)}: two aggregate queries."""
    if not translation_records:
        return {}
    source_ids = {record["source_id"] for record in translation_records}
    locale_ids = {record["target_locale_id"] for record in translation_records}
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(total=Count("pk"))
        .values_list("source_id", "total")
    )
    # A segment is translated in a language when a StringTranslation of its string in
    # the same context exists there without an error (as Translation.get_progress).
    translated = {
        (source_id, locale_id): count
        for source_id, locale_id, count in StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__locale_id__in=locale_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(count=Count("pk"))
        .values_list("source_id", "string__translations__locale_id", "count")
    }
    return {
        (record["source__object_id"], record["target_locale_id"]): (
            translated.get((record["source_id"], record["target_locale_id"]), 0),
            totals.get(record["source_id"], 0),
        )
        for record in translation_records
    }


def edit_url(model, pk):
    """The admin edit view of a page or snippet; for a translation under way it is
    wagtail-localize's translation editor, which takes these views over."""
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    return reverse(model.snippet_viewset.get_url_name("edit"), args=[pk])


def fill_cells(rows, locales):
    """Give each row one cell per locale, with its status: a fixed number of queries
    (one per snippet model present, plus six) whatever the number of rows."""
    keys = [row.translation_key for row in rows]
    locale_ids = [locale.pk for locale in locales]
    if not rows or not locales:
        for row in rows:
            row.cells = []
        return rows
    targets = {}  # (translation_key, locale_id) -> values of the translated object
    if any(row.is_page for row in rows):
        for values in Page.objects.filter(
            translation_key__in=[row.translation_key for row in rows if row.is_page],
            locale_id__in=locale_ids,
        ).values(*PAGE_TARGET_FIELDS):
            targets[values["translation_key"], values["locale_id"]] = values
    for model in {row.model for row in rows if not row.is_page}:
        for pk, key, locale_id in model.objects.filter(
            translation_key__in=[row.translation_key for row in rows if row.model is model],
            locale_id__in=locale_ids,
        ).values_list("pk", "translation_key", "locale_id"):
            targets[key, locale_id] = {"pk": pk, "live": True, "has_unpublished_changes": False}
    records = list(
        Translation.objects.filter(
            source__object_id__in=keys,
            source__locale__language_code=settings.LANGUAGE_CODE,
            target_locale_id__in=locale_ids,
            enabled=True,
        ).values("source_id", "source__object_id", "target_locale_id")
    )
    progress = _progress(records)
    target_page_pks = [values["pk"] for values in targets.values() if "alias_of_id" in values]
    in_review = set(
        WorkflowState.objects.active()
        .filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(pk) for pk in target_page_pks],
        )
        .values_list("object_id", flat=True)
    )
    outdated = dict(
        OutdatedTranslation.objects.filter(page_id__in=target_page_pks).values_list(
            "page_id", "since"
        )
    )
    for row in rows:
        row.cells = []
        for locale in locales:
            cell = Cell(locale)
            target = targets.get((row.translation_key, locale.pk))
            if target is not None and not target.get("alias_of_id"):
                _fill_cell(cell, row, target, progress, in_review, outdated)
            row.cells.append(cell)
    return rows


def _fill_cell(cell, row, target, progress, in_review, outdated):
    cell.target_pk = target["pk"]
    cell.translated, cell.total = progress.get((row.translation_key, cell.locale.pk), (None, None))
    cell.outdated_since = outdated.get(target["pk"])
    if str(target["pk"]) in in_review and row.is_page:
        cell.status = REVIEW
    elif cell.outdated_since is not None:
        cell.status = OUTDATED
    elif not target["live"] or target["has_unpublished_changes"]:
        cell.status = IN_PROGRESS
    else:
        # Published as approved: live, though a page other than a clinical one may be
        # partly in English (its count says how much; localization/review.py).
        cell.status = LIVE


def language_counts(rows, locales):
    """{locale_id: {status: count}} over the given rows (statuses already filled)."""
    counts = {locale.pk: dict.fromkeys(STATUSES, 0) for locale in locales}
    for row in rows:
        for cell in row.cells:
            counts[cell.locale.pk][cell.status] += 1
    return counts
