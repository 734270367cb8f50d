"""What a translator wrote is never replaced by English behind their back.

When the English text of a segment changes, wagtail-localize holds a new source string
with no translation, and every way of building the translated page (its editor's
"Publish", a revision for clinical review, "Sync translated pages") falls back to the
new English. So, when English text changes (cms.i18n.translations.source_text_changed),
the previous translation of each changed segment is kept as the translation of the new
string, marked *kept* (wagtail-localize's `tool_name`): the translated page keeps
showing it, with the page's "The English version was updated" notice, until the
translator updates it in the editor (which clears the mark). A segment is matched to
its previous translation by its place (wagtail-localize's context path), and only where
that place holds one string: in a rich-text field of several paragraphs a changed
paragraph cannot be told apart from a new one, and stays untranslated.

`pending_segments` lists, for a translated page, every segment still untranslated,
kept from before the English changed, or machine-translated and not yet confirmed by
a translator (saving it in the editor confirms it): the submit and review screens show
it, and a condition page cannot be submitted or approved while it is not empty."""

import html
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from django.utils.html import strip_tags
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

# wagtail-localize's StringTranslation.tool_name of a translation kept from before the
# English changed; its editor sets tool_name to "" when the translator saves the field.
KEPT = "kept: English changed since"

UNTRANSLATED = "untranslated"
OUTDATED = "outdated"
MACHINE = "machine"  # machine-translated, not yet confirmed by a translator


def keep_previous_translations(source):
    """For each segment of `source` (a TranslationSource) with no translation in a
    language it is translated into, the latest translation of the same place, kept.
    Returns how many were kept."""
    locale_ids = list(
        Translation.objects.filter(source=source, enabled=True).values_list(
            "target_locale_id", flat=True
        )
    )
    if not locale_ids:
        return 0
    segments = list(StringSegment.objects.filter(source=source).values("string_id", "context_id"))
    per_context = defaultdict(set)
    for segment in segments:
        per_context[segment["context_id"]].add(segment["string_id"])
    single = {context: next(iter(ids)) for context, ids in per_context.items() if len(ids) == 1}
    if not single:
        return 0
    existing = defaultdict(list)
    for row in (
        StringTranslation.objects.filter(context_id__in=single, locale_id__in=locale_ids)
        .order_by("updated_at", "pk")
        .values(
            "pk",
            "context_id",
            "locale_id",
            "translation_of_id",
            "data",
            "translation_type",
            "last_translated_by_id",
        )
    ):
        existing[(row["context_id"], row["locale_id"])].append(row)
    kept = []
    for context_id, string_id in single.items():
        for locale_id in locale_ids:
            rows = existing.get((context_id, locale_id), [])
            if not rows or any(row["translation_of_id"] == string_id for row in rows):
                continue
            previous = rows[-1]  # the latest translation of this place
            kept.append(
                StringTranslation(
                    translation_of_id=string_id,
                    context_id=context_id,
                    locale_id=locale_id,
                    data=previous["data"],
                    translation_type=previous["translation_type"],
                    tool_name=KEPT,
                    last_translated_by_id=previous["last_translated_by_id"],
                )
            )
    StringTranslation.objects.bulk_create(kept)
    return len(kept)


@dataclass
class PendingSegment:
    status: str  # UNTRANSLATED, OUTDATED or MACHINE
    path: str  # where in the page (wagtail-localize's context path)
    english: str  # the current English text, tags stripped
    kept: str = ""  # the translation kept from before the English changed


def _plain(text):
    """A segment's text as a reader sees it (wagtail-localize keeps strings as HTML)."""
    return html.unescape(strip_tags(text))


def _source_of(page):
    return TranslationSource.objects.filter(
        object_id=page.translation_key, locale=Locale.get_default()
    ).first()


def pending_segments(page):
    """[PendingSegment] of `page` (a translation): every segment of its English source
    that is untranslated in its language, kept from before the English changed, or
    machine-translated and unconfirmed, in the page's order. Empty when the page is not
    kept in step by wagtail-localize."""
    source = _source_of(page)
    if (
        source is None
        or not Translation.objects.filter(
            source=source, target_locale_id=page.locale_id, enabled=True
        ).exists()
    ):
        return []
    translations = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=page.locale_id,
        has_error=False,
    )
    segments = (
        StringSegment.objects.filter(source=source)
        .annotate(
            translated=Exists(translations),
            kept=Exists(translations.filter(tool_name=KEPT)),
            machine=Exists(
                translations.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
            ),
        )
        .select_related("string", "context")
        .order_by("order")
    )
    kept_text = dict(
        StringTranslation.objects.filter(
            context__object_id=source.object_id, locale_id=page.locale_id, tool_name=KEPT
        ).values_list("translation_of_id", "data")
    )
    pending = []
    for segment in segments:
        if segment.translated and not segment.kept and not segment.machine:
            continue
        if not segment.translated:
            status = UNTRANSLATED
        else:
            status = OUTDATED if segment.kept else MACHINE
        pending.append(
            PendingSegment(
                status,
                segment.context.path,
                _plain(segment.string.data),
                _plain(kept_text.get(segment.string_id, "")),
            )
        )
    return pending


def has_kept_translations(page):
    """Whether some segment of `page` still shows a translation kept from before the
    English changed (the page is then not caught up with its source)."""
    source = _source_of(page)
    if source is None:
        return False
    return StringTranslation.objects.filter(
        translation_of__segments__source=source,
        context__object_id=source.object_id,
        locale_id=page.locale_id,
        tool_name=KEPT,
    ).exists()
