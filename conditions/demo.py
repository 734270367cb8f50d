"""Demo condition pages. The neck-spasms page carries the seed text word for word.

Idempotent: body areas and reviewers are matched by slug and name, pages by slug; a
second run finds nothing to change and saves no revision."""

from django.db import transaction
from wagtail.blocks import StreamValue
from wagtail.models import Page

from cms.demo import upsert_child_page, upsert_snippet
from cms.models import Clinician
from conditions import demo_content as content
from conditions.models import BodyArea, ConditionIndexPage, ConditionPage, RelatedCondition


def load_body_areas(locale):
    return {
        slug: upsert_snippet(
            BodyArea, {"locale": locale, "slug": slug}, {"name": name, "sort_order": order}
        )
        for slug, name, order in content.BODY_AREAS
    }


def load_reviewers(locale):
    return {
        key: upsert_snippet(
            Clinician,
            {"locale": locale, "name": person["name"]},
            {"credentials": person["credentials"], "languages": person["languages"]},
        )
        for key, person in content.REVIEWERS.items()
    }


def _paragraphs(texts):
    if isinstance(texts, str):
        texts = [texts]
    return "".join(f"<p>{text}</p>" for text in texts if text)


def _body(data, pages):
    """Raw StreamField data for a condition, with links to `pages` by slug."""
    causes = data["causes"]
    items = [
        {"text": item, "detail": ""}
        if isinstance(item, str)
        else {"text": item[0], "detail": item[1]}
        for item in causes["items"]
    ]
    body = [
        ("causes", {"heading": causes["heading"], "intro": causes["intro"], "items": items}),
    ]
    underlying = data["underlying"]
    body.append(
        (
            "underlying_conditions",
            {
                "heading": underlying["heading"],
                "intro": underlying["intro"],
                "items": [
                    {"name": name, "condition_page": pages[slug].pk if slug else None}
                    for name, slug in underlying["items"]
                ],
            },
        )
    )
    body.append(("symptoms", data["symptoms"]))
    pt = data["pt"]
    body.append(
        (
            "physical_therapy",
            {
                "heading": pt["heading"],
                "intro": "",
                "approach": _paragraphs(pt["approach"]),
                "treatments": [
                    {"name": name, "description": text} for name, text in pt.get("treatments", [])
                ],
                "home_program": _paragraphs(pt.get("home", "")),
                "expected_course": _paragraphs(pt.get("course", "")),
            },
        )
    )
    seek = data["seek"]
    body.append(
        (
            "seek_care",
            {
                "heading": seek["heading"],
                "intro": seek["intro"],
                "urgency": seek["urgency"],
                "red_flags": seek["items"],
            },
        )
    )
    if data.get("faq"):
        body.append(
            (
                "faq",
                {
                    "heading": "Frequently asked questions",
                    "intro": "",
                    "items": [
                        {"question": question, "answer": _paragraphs(answer)}
                        for question, answer in data["faq"]
                    ],
                },
            )
        )
    body.append(
        (
            "call_to_action",
            {
                "heading": "Ready to feel better?",
                # "listed below": the page's "Our Locations" names the clinics.
                "text": f"Our physical therapists treat {data['name'].lower()} at the "
                "clinics listed below. Most patients are seen within a few days.",
                "button_label": "Request an appointment",
                "link_page": None,
                "show_phone": True,
            },
        )
    )
    # Built from native values (not raw JSON) so list items are saved in Wagtail's
    # block format with ids: wagtail-localize only extracts list items in that format.
    stream_block = ConditionPage.body.field.stream_block
    return StreamValue(
        stream_block,
        [(kind, stream_block.child_blocks[kind].to_python(value)) for kind, value in body],
    )


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def _body_json(stream_value):
    return _without_ids(ConditionPage.body.field.stream_block.get_prep_value(stream_value))


def upsert_condition(index, data, pages, areas, reviewers):
    page = pages[data["slug"]]
    fields = {
        "title": data["title"],
        "condition_name": data["name"],
        "intro": data["intro"],
        "search_description": data["search_description"],
        "body_area": areas[data["area"]],
        "reviewer": reviewers[data["reviewer"]],
        "last_reviewed": data["reviewed"],
    }
    body = _body(data, pages)
    related = [pages[slug] for slug in data.get("related", [])]
    changed = any(getattr(page, name) != value for name, value in fields.items())
    changed = changed or _body_json(page.body) != _body_json(body)
    chosen = {row.condition_id for row in page.related_conditions.all()}
    changed = changed or chosen != {p.pk for p in related}
    if changed or not page.live:
        for name, value in fields.items():
            setattr(page, name, value)
        page.body = body
        page.related_conditions = [RelatedCondition(condition=p) for p in related]
        page.save_revision().publish()
    return page


def _existing_or_new(index, data):
    """The condition page with this slug, created with its title and intro if missing,
    so pages can link to each other before all of them are filled in."""
    existing = Page.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing.specific
    page = ConditionPage(slug=data["slug"], title=data["title"], intro=data["intro"])
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def load(home):
    locale = home.locale
    areas = load_body_areas(locale)
    reviewers = load_reviewers(locale)
    index = upsert_child_page(home, ConditionIndexPage, "conditions", **content.INDEX)
    conditions = [content.NECK_SPASMS, *content.OTHER_CONDITIONS]
    pages = {data["slug"]: _existing_or_new(index, data) for data in conditions}
    for data in conditions:
        upsert_condition(index, data, pages, areas, reviewers)
    return index
