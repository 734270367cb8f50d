"""Load the demo site from the data files in demo/data/. Idempotent: every row is
found again by its natural key (a page by its slug under its parent), and only what
differs is written, so a second load publishes nothing.

A data file is a list of entries, loaded in order; a row may refer to rows of its
own entry or of earlier ones:

- `model: app.Model` with `rows`: snippets and other rows, each a mapping of field
  names to values, matched by the model's key in NATURAL_KEYS (translatable rows in
  English unless they name a `locale`).
- `model: app.PageModel`, `parent: /path/` (below the home page) and `rows`: pages,
  each with its `slug`. Every page of the entry is made first, then each gets its
  fields, links and child rows and is published once, only when something differs.

Values: a foreign key, page link or many-to-many item is the other row's key (a page
by its slug); rich text is a list of paragraphs; a StreamField is a list of
`{block type: value}` in the blocks' own shape (texts left out are empty, other
blocks left out take their default); child rows (hours, stations, ...) are a list of
mappings, or of keys when the child row has one field; a file is a path in
demo/data/; `!holidays` is the rows of holidays.yaml from today on, each naming its
closure reason (one per holiday, loaded with the site and translated into every
site language).
"""

import calendar
import io
from datetime import date, timedelta
from pathlib import Path

import yaml
from django.apps import apps
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.db import models, transaction
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.signal_handlers import disable_reference_index_auto_update

from cms.i18n.languages import SITE_LANGUAGES, SOURCE_LANGUAGE
from cms.i18n.translations import load_catalog, translate_from_catalog

DATA = Path(__file__).resolve().parent / "data"

# How a row is found again on the next load, so that it is updated, not duplicated.
NATURAL_KEYS = {
    "wagtailcore.Locale": "language_code",
    "wagtailimages.Image": "title",
    "cms.Clinician": "name",
    "locations.ClosureReason": "name",
    "conditions.BodyArea": "slug",
    "locations.Insurance": "name",
    "search.LayTerm": "patient_words",
}
# Made once, then left alone: marketing extends the lay terms; images are not redrawn.
CREATE_ONLY = {"wagtailimages.Image", "search.LayTerm"}


class DemoDataError(Exception):
    """The data files contradict themselves or the models (a missing row, a wrong type)."""


class _Holidays:
    """`!holidays` in a data file."""


class _DataLoader(yaml.SafeLoader):
    """YAML's safe loader with the one tag the demo data uses."""


_DataLoader.add_constructor("!holidays", lambda loader, node: _Holidays())


def read(name):
    """The data file demo/data/<name>.yaml."""
    text = (DATA / f"{name}.yaml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_DataLoader)  # noqa: S506 - a SafeLoader subclass


SHOWCASE_LANGUAGES = read("translations")["showcase"]["languages"]


def catalog(language_code):
    """The demo's translations into one language ({English text: translation})."""
    return load_catalog(DATA / "translations" / f"{language_code}.po")


@transaction.atomic
def load():
    """Build or repair the whole demo site."""
    # Wagtail re-indexes an object's references on every save, its page's child rows
    # included: thousands of times over during a load, about half its time. The index
    # is built once at the end instead, with the same rows.
    with disable_reference_index_auto_update():
        translations = read("translations")
        _load_entries(read("site"))
        others = [code for code, *_rest in SITE_LANGUAGES if code != SOURCE_LANGUAGE]
        _translate(translations["every_language"], others)
        _translate_instances(_load_closure_reasons(), others)
        _load_entries(read("conditions"))
        _load_entries(read("locations"))
        showcase = translations["showcase"]
        _translate(showcase["objects"], showcase["languages"])
        _load_entries(read("search"))
    call_command("rebuild_references_index", verbosity=0)


def _load_entries(entries):
    for entry in entries:
        if "site" in entry:
            _load_site(entry)
            continue
        model = apps.get_model(entry["model"])
        if issubclass(model, Page):
            _load_pages(model, _page_at(entry["parent"]), entry["rows"])
        else:
            for row in entry["rows"]:
                _upsert_row(model, row)


# -- rows -------------------------------------------------------------------------------


def _english():
    return Locale.objects.get(language_code=SOURCE_LANGUAGE)


def _find(model, key):
    """The row of `model` that the data names by `key` (English, when translatable)."""
    if key is None or isinstance(key, models.Model):
        return key
    lookup = {"slug" if issubclass(model, Page) else NATURAL_KEYS[model._meta.label]: key}
    if issubclass(model, TranslatableMixin):
        lookup["locale"] = _english()
    found = model.objects.filter(**lookup).first()
    if found is None:
        raise DemoDataError(f"No {model._meta.label} {key!r}: it must come earlier in the data.")
    return found


def _rich_text(value):
    if isinstance(value, list):
        return "".join(f"<p>{paragraph}</p>" for paragraph in value)
    return value


def _value(model, name, data):
    """The value of the field `name` of `model` that `data` describes."""
    field = model._meta.get_field(name)
    if field.many_to_one:
        return _find(field.related_model, data)
    if isinstance(field, StreamField):
        block = field.stream_block
        items = [next(iter(item.items())) for item in data]
        return StreamValue(
            block,
            [
                (kind, block.child_blocks[kind].to_python(_raw(block.child_blocks[kind], value)))
                for kind, value in items
            ],
        )
    if isinstance(field, RichTextField):
        return _rich_text(data)
    if isinstance(field, models.FileField):
        path = DATA / data
        return ImageFile(io.BytesIO(path.read_bytes()), name=path.name)
    return field.to_python(data)


def _raw(block, data):
    """`data` in the JSON shape `block.to_python` reads. Built into native values (not
    saved as raw JSON), list items are saved in Wagtail's block format with ids, the
    only format wagtail-localize extracts them from."""
    if isinstance(block, blocks.ListBlock):
        return [_raw(block.child_block, item) for item in data]
    if isinstance(block, blocks.StructBlock):
        raw = {name: _raw(block.child_blocks[name], value) for name, value in data.items()}
        for name, child in block.child_blocks.items():
            texts = (blocks.CharBlock, blocks.TextBlock)
            if name not in raw and isinstance(child, texts) and child.get_default() is None:
                raw[name] = ""
        return raw
    if isinstance(block, blocks.PageChooserBlock):
        page = _find(block.target_model, data)
        return page and page.pk
    if isinstance(block, blocks.RichTextBlock):
        return _rich_text(data)
    return data


def _upsert_row(model, row):
    """Create the row or save the fields that differ (CREATE_ONLY rows: create only)."""
    values = {name: _value(model, name, data) for name, data in row.items()}
    key = NATURAL_KEYS[model._meta.label]
    lookup = {key: values.pop(key)}
    if issubclass(model, TranslatableMixin):
        lookup["locale"] = values.pop("locale", None) or _english()
    found = model.objects.filter(**lookup).first()
    if found is None:
        return model.objects.create(**lookup, **values)
    if model._meta.label not in CREATE_ONLY:
        _save_differences(found, values)
    return found


def _save_differences(obj, values):
    """Save the fields of `obj` that differ from `values`, and nothing when none do."""
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save(update_fields=changed)


# -- pages ------------------------------------------------------------------------------


def _page_at(path):
    """The English page at `path` below the home page ("/" is the home page)."""
    home = Site.objects.get(is_default_site=True).root_page
    return Page.objects.get(url_path=home.url_path + path.lstrip("/"), locale=_english()).specific


def _new_page(parent, model, row):
    """A live page made from the row's own fields; links and child rows come after."""
    fields = {}
    for name, data in row.items():
        field = model._meta.get_field(name)
        if field.concrete and not field.is_relation and not isinstance(field, StreamField):
            fields[name] = _value(model, name, data)
    page = model(**fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _load_pages(model, parent, rows):
    pages = []
    for row in rows:
        existing = Page.objects.child_of(parent).filter(slug=row["slug"]).first()
        page = _new_page(parent, model, row) if existing is None else existing.specific
        if not isinstance(page, model):
            raise DemoDataError(f"{page.url_path} is a {type(page).__name__}, not {model.__name__}")
        pages.append(page)
    for page, row in zip(pages, rows, strict=True):
        _fill_page(page, row)


def _fill_page(page, row):
    """Give the page the row's fields, links and child rows; publish only if any differ."""
    model = type(page)
    changed = not page.live
    for name, data in row.items():
        field = model._meta.get_field(name)
        if field.one_to_many:  # child rows (ParentalKey): hours, stations, photos, ...
            rows = _child_rows(field.related_model, data)
            current = [
                {key: getattr(child, key) for key in (rows[0] if rows else {})}
                for child in getattr(page, name).all()
            ]
            if current != rows:
                model_fields = {f.name for f in field.related_model._meta.get_fields()}
                objects = [
                    field.related_model(
                        **({"sort_order": i} if "sort_order" in model_fields else {}), **r
                    )
                    for i, r in enumerate(rows)
                ]
                setattr(page, name, objects)
                changed = True
        elif field.many_to_many:
            targets = [_find(field.related_model, key) for key in data]
            if {p.pk for p in getattr(page, name).all()} != {t.pk for t in targets}:
                setattr(page, name, targets)
                changed = True
        else:
            value = _value(model, name, data)
            if _comparable(field, getattr(page, name)) != _comparable(field, value):
                setattr(page, name, value)
                changed = True
    if changed:
        page.save_revision().publish()
    return page


def _comparable(field, value):
    if isinstance(field, StreamField):
        return _without_ids(field.stream_block.get_prep_value(value))
    if field.many_to_one:
        return value and value.pk
    return value


def _without_ids(value):
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    return value


def _child_rows(model, data):
    """Child rows as {field attribute: value} (a foreign key as its id), for comparing
    with the page's rows and for making new ones."""
    if isinstance(data, _Holidays):
        data = holidays(timezone.localdate())
    own = [
        field
        for field in model._meta.concrete_fields
        if not field.primary_key
        and field.name != "sort_order"
        and not isinstance(field, ParentalKey)
    ]
    rows = []
    for item in data:
        if not isinstance(item, dict):  # shorthand for a child row with one field
            (only,) = own
            item = {only.name: item}
        row = {}
        for name, value in item.items():
            field = model._meta.get_field(name)
            value = _value(model, name, value)
            row[field.attname] = value.pk if field.many_to_one else value
        rows.append(row)
    return rows


def holidays(today):
    """Rows for the holidays in holidays.yaml, this year's and next year's from `today`
    on: past ones would be archived on save, and the next load would add them back."""
    rules = read("holidays")
    rows = []
    for year in (today.year, today.year + 1):
        for rule in rules:
            month = rule["month"]
            if "day" in rule:
                day = date(year, month, rule["day"])
            else:
                last = calendar.monthrange(year, month)[1]
                days = [date(year, month, number) for number in range(1, last + 1)]
                matching = [d for d in days if d.weekday() == rule["weekday"]]
                day = matching[rule["nth"] - 1 if rule["nth"] > 0 else rule["nth"]]
            day += timedelta(days=rule.get("days_after", 0))
            if day < today:
                continue
            special = "opens" in rule
            rows.append(
                {
                    "date": day,
                    "reason": rule["reason"],
                    "label": "",
                    "closed": not special,
                    "opens": _hour(rule["opens"]) if special else None,
                    "closes": _hour(rule["closes"]) if special else None,
                }
            )
    return sorted(rows, key=lambda row: row["date"])


def _hour(text):
    return models.TimeField().to_python(text)


def _load_closure_reasons():
    """The English closure reason of each holiday (what the clinics' rows point at);
    only these are translated, not reasons the clinics' managers added."""
    model = apps.get_model("locations.ClosureReason")
    names = dict.fromkeys(rule["reason"] for rule in read("holidays"))
    return [_upsert_row(model, {"name": name}) for name in names]


# -- the site root and translations --------------------------------------------------------


def _load_site(entry):
    """Every site language's locale, the English home page (replacing Wagtail's
    placeholder welcome page) as the default site's root, and the site's settings."""
    for code, *_rest in SITE_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    english = _english()
    row = dict(entry["home"])
    model = apps.get_model(row.pop("model"))
    root = Page.get_first_root_node()
    home = model.objects.filter(locale=english, depth=2).first()
    if home is None:
        # The placeholder holds the slug "home".
        placeholders = Page.objects.filter(depth=2).exclude(
            content_type__model=model._meta.model_name
        )
        for placeholder in placeholders:
            Site.objects.filter(root_page=placeholder).update(root_page=root)
            placeholder.delete()
        home = _new_page(root, model, row)
    _fill_page(home, row)

    spec = entry["site"]
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname=spec["hostname"], port=spec["port"], root_page=home, is_default_site=True
        )
    if (site.root_page_id, site.site_name) != (home.pk, spec["site_name"]):
        site.root_page, site.site_name = home, spec["site_name"]
        site.save()

    settings = dict(entry["settings"])
    _save_differences(apps.get_model(settings.pop("model")).for_site(site), settings)


def _objects(name):
    """The English objects a translations.yaml name stands for."""
    if not name.startswith("/"):
        return list(apps.get_model(name).objects.filter(locale=_english()))
    if name.endswith("/*"):
        return list(_page_at(name[:-1]).get_children().specific())
    return [_page_at(name)]


def _translate(names, languages):
    _translate_instances([instance for name in names for instance in _objects(name)], languages)


def _translate_instances(instances, languages):
    for code in languages:
        locale = Locale.objects.get(language_code=code)
        strings = catalog(code)
        for instance in instances:
            translate_from_catalog(instance, locale, strings, tool_name="demo")
