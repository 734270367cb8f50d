"""Related conditions become rows chosen in Wagtail's page chooser (RelatedCondition)
instead of a many-to-many tick list. Existing links move over in every language, and
so do the links inside saved revisions and wagtail-localize's translation sources, so
that an old draft, a comparison or a translation made later keeps its links."""

import json

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def _rows(page_id, condition_ids):
    return [{"pk": None, "page": page_id, "condition": pk} for pk in condition_ids]


def _to_rows(content):
    """Page content as serialized before (a list of ids) into the rows' form; None
    when there is nothing to change."""
    related = content.get("related_conditions")
    if not isinstance(related, list) or any(isinstance(item, dict) for item in related):
        return None
    content["related_conditions"] = _rows(content.get("pk"), related)
    return content


def _to_ids(content):
    related = content.get("related_conditions")
    if not isinstance(related, list) or not all(isinstance(item, dict) for item in related):
        return None
    content["related_conditions"] = [row["condition"] for row in related]
    return content


def _convert_saved_content(apps, convert):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    page_type = ContentType.objects.filter(app_label="conditions", model="conditionpage").first()
    if page_type is None:
        return
    for revision in Revision.objects.filter(content_type=page_type).iterator():
        content = convert(revision.content)
        if content is not None:
            revision.content = content
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type=page_type).iterator():
        content = convert(json.loads(source.content_json))
        if content is not None:
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])


def links_to_rows(apps, schema_editor):
    ConditionPage = apps.get_model("conditions", "ConditionPage")
    RelatedCondition = apps.get_model("conditions", "RelatedCondition")
    through = ConditionPage.related_conditions.through
    RelatedCondition.objects.bulk_create(
        RelatedCondition(page_id=link.from_conditionpage_id, condition_id=link.to_conditionpage_id)
        for link in through.objects.order_by("pk").iterator()
    )
    _convert_saved_content(apps, _to_rows)


def rows_to_links(apps, schema_editor):
    ConditionPage = apps.get_model("conditions", "ConditionPage")
    RelatedCondition = apps.get_model("conditions", "RelatedCondition")
    through = ConditionPage.related_conditions.through
    through.objects.bulk_create(
        through(from_conditionpage_id=row.page_id, to_conditionpage_id=row.condition_id)
        for row in RelatedCondition.objects.order_by("pk").iterator()
    )
    _convert_saved_content(apps, _to_ids)


class Migration(migrations.Migration):
    dependencies = [
        ("conditions", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.CreateModel(
            name="RelatedCondition",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "condition",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="conditions.conditionpage",
                        verbose_name="condition page",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="related_condition_rows",
                        to="conditions.conditionpage",
                    ),
                ),
            ],
            options={"verbose_name": "related condition"},
        ),
        migrations.RunPython(links_to_rows, rows_to_links),
        migrations.RemoveField(model_name="conditionpage", name="related_conditions"),
        migrations.AlterField(
            model_name="relatedcondition",
            name="page",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="related_conditions",
                to="conditions.conditionpage",
            ),
        ),
    ]
