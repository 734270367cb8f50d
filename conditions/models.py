"""Condition pages: what a condition is, what causes it, how it feels, how physical
therapy treats it and which clinics treat it. The index at /conditions/ lists them
by body area."""

import posixpath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Coalesce, Lower, NullIf, Substr
from django.utils.text import slugify
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from rest_framework import serializers
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.caching.dependencies import TREE, page_tag
from cms.caching.fragments import Kept, renders_from_memory
from cms.caching.page_cache import cached_data, origin_key
from cms.caching.routing import find_site, public
from cms.editorial import review_dates
from cms.editorial.concurrent_edits import EditorialPageForm
from cms.editorial.permission_testers import (
    ConditionIndexPermissionTester,
    ConditionPagePermissionTester,
)
from cms.i18n.in_locale import in_locale
from cms.references import ReferencesIndexedOnce
from conditions import jsonld, listing
from conditions.areas import BodyArea
from conditions.blocks import ConditionStreamBlock
from conditions.forms import ConditionPageForm
from conditions.links import LINK_FIELDS, live_in_locale
from text_analysis.fields import analysed

CONDITIONS_PER_PAGE = 24
# The hook through which condition pages learn which clinics treat them:
# hook(condition, request, limit) returns (at most `limit` clinic cards, how many
# clinics treat it). locations registers it (wagtail_hooks.py), so conditions never
# imports locations. A card has title, url, appointment_url (the condition
# preselected), street_address, phone, phone_display and translation_key.
CLINICS_HOOK = "clinics_treating_condition"
# "Our Locations" shows a few clinics and leads to the rest: a chain's page stays small.
CLINICS_SHOWN = 6


class NextReviewAPIField(serializers.Field):
    """When a condition page's next medical review is due (ISO date, or null for a page
    never reviewed): the date the reviewer set, else the interval after the last."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        due = page.medical_review(self.context.get("request")).due
        return due.isoformat() if due else None


class BodyAreaAPIField(serializers.Field):
    """A condition page's body area for the API: {slug, name}, the name in the page's
    language where the area is translated (the link itself is synchronized)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, page):
        area = page.own_body_area()
        if area is None:
            return None
        return {"slug": area.slug, "name": area.name}


class ConditionIndexPage(Page):
    intro = models.TextField(blank=True)

    base_form_class = EditorialPageForm  # refuses saving over a colleague's newer draft
    content_panels = Page.content_panels + [FieldPanel("intro")]
    # The meta description when the page has none of its own (cms/seo/descriptions.py).
    meta_description_default = gettext_lazy(
        "Conditions our physical therapists treat, by body area: what causes each one, "
        "how it feels and how physical therapy helps."
    )
    parent_page_types = ["home.HomePage"]
    subpage_types = ["conditions.ConditionPage"]
    max_count_per_parent = 1
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
    ]

    def conditions(self):
        """Live condition pages beneath this index, alphabetically by their name. A
        translated index also lists, after its own, the live English conditions not
        translated into its language yet: no condition is hidden from any reader."""
        # The English index's children, found in the same query: pages one level down
        # whose parent (their path's head) is the English version of this index.
        english_parent = ConditionIndexPage.objects.filter(
            translation_key=self.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
            path=Substr(OuterRef("path"), 1, self.depth * Page.steplen),
        )
        translated = ConditionPage.objects.filter(locale_id=self.locale_id, live=True)
        pages = ConditionPage.objects.child_of(self).live() | ConditionPage.objects.live().filter(
            Exists(english_parent), depth=self.depth + 1
        ).exclude(translation_key__in=translated.values("translation_key"))
        return (
            public(pages)
            .annotate(
                sort_name=Lower(Coalesce(NullIf("condition_name", models.Value("")), "title")),
                in_english=models.Case(
                    models.When(locale_id=self.locale_id, then=0),
                    default=1,
                    output_field=models.IntegerField(),
                ),
            )
            .order_by("in_english", "sort_name", "pk")
        )

    def body_areas(self, request=None):
        """Body areas in the page's language (falling back to the default language) that
        at least one live condition page here belongs to (from the data cache)."""
        return listing.area_counts(self, request)[0]

    def permissions_for_user(self, user):
        """Publishing here needs the clinical reviewers' grant (docs/roles.md)."""
        return ConditionIndexPermissionTester(user, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        messages = []
        areas, counts = listing.area_counts(self, request)
        area_slug = request.GET.get("area", "").strip()
        current_area = None
        if area_slug:
            current_area = next((area for area in areas if area.slug == area_slug), None)
            if current_area is None:
                messages.append(
                    _("We have no conditions for the body area “%(area)s”. Showing all conditions.")
                    % {"area": area_slug[:80]}
                )
        shown = current_area.slug if current_area else listing.ALL_AREAS
        # Paged over the count alone; the cards of the one page shown come cached.
        paginator = Paginator(range(counts.get(shown, 0)), CONDITIONS_PER_PAGE)
        number = request.GET.get("page", "1")
        try:
            page = paginator.page(number)
        except PageNotAnInteger:
            messages.append(
                _("“%(page)s” is not a page number. Showing the first page.")
                % {"page": str(number)[:20]}
            )
            page = paginator.page(1)
        except EmptyPage:
            last = paginator.num_pages
            messages.append(
                _("There is no page %(page)s. Showing page %(last)s.")
                % {"page": str(number)[:20], "last": last}
            )
            page = paginator.page(last)
        page.object_list = listing.condition_cards(
            self, request, shown, page.number, CONDITIONS_PER_PAGE
        )

        context.update(
            conditions=page,
            body_areas=areas,
            current_area=current_area,
            listing_messages=messages,
        )
        return context


class ConditionPage(ReferencesIndexedOnce, Page):
    condition_name = models.CharField(
        max_length=120,
        blank=True,
        help_text=(
            'The condition\'s plain name, such as "Neck spasms": used in lists, search '
            "results and structured data. Leave empty to use the title."
        ),
    )
    intro = models.TextField(help_text="One or two sentences: what the condition is.")
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        "hero image alt text",
        max_length=250,
        blank=True,
        help_text="What the image shows, for readers who cannot see it. Required with an image.",
    )
    body_area = models.ForeignKey(
        BodyArea,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where in the body; used to filter the conditions list.",
    )
    reviewer = models.ForeignKey(
        "cms.Clinician",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="medical reviewer",
    )
    last_reviewed = models.DateField(null=True, blank=True)
    next_review = models.DateField(
        "next review due",
        null=True,
        blank=True,
        help_text=(
            "Leave empty for the review interval of the site settings (12 months by "
            "default) after the last review."
        ),
    )
    body = StreamField(ConditionStreamBlock(), blank=True)

    base_form_class = ConditionPageForm
    meta_description_default = gettext_lazy(
        "%(title)s: what causes it, how it feels and how physical therapy treats it."
    )
    content_panels = Page.content_panels + [
        FieldPanel("condition_name"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_image_alt")], heading="Hero image"
        ),
        FieldPanel("body_area"),
        FieldPanel("body"),
        # Chosen in Wagtail's page chooser, which opens at this language's conditions
        # index and offers this language's condition pages (conditions/choosers.py).
        MultipleChooserPanel(
            "related_conditions",
            chooser_field_name="condition",
            heading="Related conditions",
            label="Related condition",
            help_text="Listed alphabetically on the page, in the page's language.",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("reviewer"),
                        FieldPanel("last_reviewed"),
                        FieldPanel("next_review"),
                    ]
                )
            ],
            heading="Medical review",
        ),
    ]
    # Title, name, intro and the text inside every block (causes, symptoms, treatment,
    # FAQ, ...): StreamField indexes each block's searchable content.
    search_fields = analysed(
        Page.search_fields
        + [
            index.SearchField("condition_name", boost=2),
            index.SearchField("intro", boost=1.5),
            index.SearchField("search_description"),
            index.SearchField("body"),
        ]
    )
    # The read-only API (/api/v2/pages/?type=conditions.ConditionPage&fields=*).
    api_fields = [
        APIField("condition_name"),
        APIField("intro"),
        APIField("body_area", serializer=BodyAreaAPIField()),
        APIField("last_reviewed"),
        APIField("next_review_due", serializer=NextReviewAPIField()),
    ]
    parent_page_types = ["conditions.ConditionIndexPage"]
    subpage_types = []
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("condition_name"),
        TranslatableField("intro"),
        TranslatableField("hero_image_alt"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
        SynchronizedField("body_area"),
        SynchronizedField("related_conditions"),
        SynchronizedField("reviewer"),
        SynchronizedField("last_reviewed"),
        SynchronizedField("next_review"),
    ]
    # The site setting holding the review interval (cms/editorial/review_dates.py).
    review_interval_setting = "condition_review_months"

    @classmethod
    def routing_queryset(cls, queryset):
        """What the page's template needs, fetched with the page (cms.caching.routing): the body
        area, the reviewer, the hero image and its renditions."""
        return queryset.select_related("body_area", "reviewer", "hero_image").prefetch_related(
            "hero_image__renditions"
        )

    @property
    def name(self):
        return self.condition_name or self.title

    def medical_review(self, request=None):
        """Last review, next review due and whether it is overdue."""
        return review_dates.review_state(self, review_dates.interval_months(type(self), request))

    @property
    def status_string(self):
        """Wagtail's status ("live", "draft", ...), which the page listing shows, saying
        too when the medical review is overdue (never shown to patients)."""
        status = super().status_string
        if self.pk and self.medical_review().overdue:
            return _("%(status)s, review overdue") % {"status": status}
        return status

    def permissions_for_user(self, user):
        """Only a grant at the condition index or below lets a user publish a condition
        page; everyone else submits it to Clinical review (docs/roles.md)."""
        return ConditionPagePermissionTester(user, self)

    def after_facts_synced(self, source):
        """A hero image synchronized from the English page arrives before its alt text
        is translated: describe it in the source's words until the translator does."""
        if self.hero_image_id and not self.hero_image_alt.strip():
            self.hero_image_alt = source.hero_image_alt

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {"hero_image_alt": "Describe the image for readers who cannot see it."}
            )
        if self.next_review and self.last_reviewed and self.next_review <= self.last_reviewed:
            raise ValidationError(
                {"next_review": "Set a date after the last review, or leave it empty."}
            )

    def sections(self):
        """Every block of the body with a unique anchor for those that have a heading."""
        used = set()
        sections = []
        for position, block in enumerate(self.body, start=1):
            heading = block.value.get("heading") if hasattr(block.value, "get") else None
            anchor = None
            if heading and block.block_type != "call_to_action":
                base = slugify(heading, allow_unicode=True) or f"section-{position}"
                anchor, suffix = base, 2
                while anchor in used or anchor in {"main", "our-locations"}:
                    anchor, suffix = f"{base}-{suffix}", suffix + 1
                used.add(anchor)
            sections.append({"block": block, "anchor": anchor, "heading": heading})
        return sections

    def outline(self):
        """{"sections": every block of the body with its anchor, "contents": those with
        a heading}: what conditions/includes/body.html renders."""
        sections = self.sections()
        return {"sections": sections, "contents": [s for s in sections if s["anchor"]]}

    def localized_related_conditions(self):
        """Live related condition pages in this page's language where translated,
        alphabetically. A translation's rows point at the English pages (the rows are
        synchronized facts, as wagtail-localize does for page links): each link is
        resolved to the translation in this page's language when one is live."""
        rows = self.related_conditions.all()
        if "related_conditions" in getattr(self, "_cluster_related_objects", {}) or not self.pk:
            chosen = [row.condition_id for row in rows]  # a preview's rows live in memory
        else:
            chosen = rows.values("condition_id")  # one query with the pages below
        related = list(ConditionPage.objects.filter(pk__in=chosen).only(*LINK_FIELDS))
        localized = live_in_locale(related, self.locale_id)
        pages = [localized[page.pk] for page in related if page.pk in localized]
        return sorted(pages, key=lambda page: page.name.lower())

    def _load_review_details(self):
        """Fetch the body area and the reviewer in one query instead of one each."""
        if self.body_area_id is None and self.reviewer_id is None:
            return
        fields = type(self)._meta
        if all(
            fields.get_field(name).is_cached(self)
            for name, value in (("body_area", self.body_area_id), ("reviewer", self.reviewer_id))
            if value is not None
        ):
            return  # already fetched with the page
        page = (
            ConditionPage.objects.filter(pk=self.pk)
            .select_related("body_area", "reviewer")
            .only("pk", "body_area", "reviewer")
            .first()
        )
        if page is not None:
            self.body_area, self.reviewer = page.body_area, page.reviewer

    def clinics(self, request=None):
        """The "Our Locations" section: {"shown": a few clinic cards, "count": how many
        clinics treat the condition}, from the apps that list clinics (CLINICS_HOOK)."""
        shown, count = [], 0
        for hook in hooks.get_hooks(CLINICS_HOOK):
            cards, number = hook(self, request, CLINICS_SHOWN)
            shown += cards
            count += number
        return {"shown": shown[:CLINICS_SHOWN], "count": count}

    def own_body_area(self):
        """The body area in this page's language (the English one until translated), or
        None: one query, kept on the page for the render (its text and JSON-LD both
        name it)."""
        if self.body_area is None:
            return None
        if "_own_body_area" not in self.__dict__:
            [self.__dict__["_own_body_area"]] = in_locale([self.body_area], self.locale_id)
        return self.__dict__["_own_body_area"]

    def _body_area_link(self, request):
        """The body area's name in this page's language and the index filtered by it."""
        area = self.own_body_area()
        url = self.get_url(request) or ""
        index_url = posixpath.dirname(url.rstrip("/")) + "/"
        return {"body_area_name": area.name, "area_url": f"{index_url}?area={area.slug}"}

    def _linked(self, request):
        """The body area link, related conditions and clinics as plain values: three to
        five queries, kept in the data cache until what they show changes (computed
        afresh for a preview, whose links live on the page object)."""

        def load():
            self._load_review_details()
            linked = self._body_area_link(request) if self.body_area is not None else {}
            linked.update(
                related=[
                    listing.condition_link(page, request)
                    for page in self.localized_related_conditions()
                ],
                clinics=self.clinics(request),
            )
            return linked

        preview = getattr(request, "is_preview", False)
        if preview or not self.pk or getattr(self, "_cluster_related_objects", None):
            return load()
        site = find_site(request) if request is not None else None
        key = f"condition-links:{site.pk if site else 0}:{self.pk}"
        return cached_data(request, key, load, depends_on=self._linked_tags)

    def _linked_tags(self, linked):
        """The links change with this page, the tree (names, URLs, which clinics are
        live and where) and the clinics shown (their addresses and phone numbers); a
        clinic starting or stopping to treat it touches this page (locations/caching.py)."""
        tags = {TREE, page_tag(self.translation_key)}
        tags.update(page_tag(clinic.translation_key) for clinic in linked["clinics"]["shown"])
        return tags

    def structured_data(self, request):
        """The page's JSON-LD, kept in the data cache until the page or the tree changes
        (afresh for a preview). Its URLs are absolute: one entry per host and scheme."""
        if getattr(request, "is_preview", False) or not self.pk or request is None:
            return jsonld.condition_page(self, request)
        return cached_data(
            request,
            f"condition-json-ld:{self.pk}:{origin_key(request)}:{get_language() or ''}",
            lambda: jsonld.condition_page(self, request),
            depends_on=(TREE, page_tag(self.translation_key)),
        )

    def kept_body(self, request):
        """Where the rendered body and its contents are kept (the template's `{% kept %}`
        block), or None for a preview. Parsing the StreamField, fetching the pages its
        blocks link to and rendering a dozen block templates cost more than the rest
        of the page; the result changes only with the page, its translations and the
        tree. Its links are absolute where the host and scheme asked for say so."""
        if renders_from_memory(self, request):
            return None
        key = f"condition-body:{self.pk}:{origin_key(request)}:{get_language() or ''}"
        return Kept(key, (TREE, page_tag(self.translation_key)))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        self._load_review_details()
        context["kept_body"] = self.kept_body(request)
        context.update(self._linked(request))
        context["json_ld"] = self.structured_data(request)
        context["review"] = self.medical_review(request)
        return context


class RelatedCondition(models.Model):
    """A condition page linked from another one's "Related conditions" list (picked
    in the page chooser; the list is shown alphabetically, so the rows have no order)."""

    page = ParentalKey(ConditionPage, on_delete=models.CASCADE, related_name="related_conditions")
    condition = models.ForeignKey(
        ConditionPage, on_delete=models.CASCADE, related_name="+", verbose_name="condition page"
    )

    panels = [FieldPanel("condition")]

    class Meta:
        verbose_name = "related condition"

    def __str__(self):
        return str(self.condition_id)
