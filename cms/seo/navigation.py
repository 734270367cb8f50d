"""The pages every page links to: the home page in each language, and the landmark
pages the header and footer name (the condition index, the clinic finder, the
language-assistance page), plus the clinics the footer lists.

The core names the landmarks; each feature app says which of its page models fills
one (`register_landmark`, `register_footer_clinics`, called from its `apps.py`), so
this module imports no feature app."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Q
from django.utils.translation import get_language
from wagtail.models import Page

from cms.caching.dependencies import TREE
from cms.caching.page_cache import cached_data

# The landmarks the site's templates link to, and what each is.
LANDMARK_KINDS = {
    "conditions": "the condition index",
    "locations": "the clinic finder (the locations index)",
    "assistance": "the language-assistance page",
}
_landmark_models = {}  # kind -> page model, from register_landmark
_footer_clinics = {}  # "model" and "field", from register_footer_clinics


def register_landmark(kind, model):
    """The live page of `model` (in each language) is the `kind` landmark."""
    if kind not in LANDMARK_KINDS:
        raise ValueError(f"unknown landmark {kind!r}; known: {', '.join(LANDMARK_KINDS)}")
    _landmark_models[kind] = model


def landmark_model(kind):
    """The page model registered for `kind`, or None."""
    return _landmark_models.get(kind)


def register_footer_clinics(model, field):
    """The footer names the values of `model`'s choice field `field` (the boroughs) that
    its live pages have, each linking to that section of the "locations" landmark."""
    _footer_clinics.update(model=model, field=field)


def _landmark_kinds():
    """{(app label, model name): kind} of the registered landmark models."""
    return {
        (model._meta.app_label, model._meta.model_name): kind
        for kind, model in _landmark_models.items()
    }


def landmarks(request, site):
    """The pages every page links to, for every language at once, from one query kept
    for the content generation: the home page's translations (for routing and the
    language switcher), the condition and location indexes and the language-assistance
    page. {"homes": {code: (id, path, depth, url_path, live)}, "home_urls": {locale pk:
    URL}, "urls": {(kind, code): URL, (kind, None): the first in any language}, "ids":
    {kind: id of the source-language page}}."""

    def load():
        kinds = _landmark_kinds()
        wanted = Q(pk__in=[])
        for app_label, model_name in kinds:
            wanted |= Q(content_type__app_label=app_label, content_type__model=model_name)
        wanted &= Q(live=True)
        if site is not None:
            root_key = Page.objects.filter(pk=site.root_page_id).values("translation_key")
            wanted |= Q(translation_key__in=root_key)
        pages = (
            Page.objects.filter(wanted)
            .annotate(
                language_code=F("locale__language_code"),
                app_label=F("content_type__app_label"),
                model_name=F("content_type__model"),
            )
            .only("id", "path", "depth", "url_path", "live", "locale_id", "translation_key")
            .order_by("path")
        )
        homes, home_urls, urls, ids = {}, {}, {}, {}
        for page in pages:
            code = page.language_code
            kind = kinds.get((page.app_label, page.model_name))
            if kind is None:  # the home page or one of its translations
                homes[code] = (page.pk, page.path, page.depth, page.url_path, page.live)
                if page.live:
                    home_urls[page.locale_id] = page.get_url(request)
                continue
            url = page.get_url(request)
            urls.setdefault((kind, code), url)
            urls.setdefault((kind, None), url)
            if code == settings.LANGUAGE_CODE:  # where a language without its own leads
                ids.setdefault(kind, page.pk)
        return {"homes": homes, "home_urls": home_urls, "urls": urls, "ids": ids}

    return cached_data(request, f"landmarks:{site.pk if site else 0}", load, depends_on=(TREE,))


def language():
    """The active language (the source language outside a request's translation)."""
    return get_language() or settings.LANGUAGE_CODE


@dataclass(frozen=True)
class BoroughLink:
    slug: str
    name: str
    url: str


def footer_boroughs(request=None, index_url=""):
    """The boroughs that have a live clinic, each linking to its section of the location
    index (`index_url`): what every page carries stays the same size however many clinics the chain
    opens. One query, kept until the tree changes (a clinic's borough is a tree field);
    none while no app registered its clinics."""
    model = _footer_clinics.get("model")
    if model is None:
        return []
    field = _footer_clinics["field"]
    choices = model._meta.get_field(field).choices

    def load():
        found = set(model.objects.live().values_list(field, flat=True).distinct())
        return [slug for slug, _name in choices if slug in found]

    slugs = cached_data(request, "footer-boroughs", load, depends_on=(TREE,))
    names = dict(choices)
    return [BoroughLink(slug, str(names[slug]), f"{index_url}#borough-{slug}") for slug in slugs]
