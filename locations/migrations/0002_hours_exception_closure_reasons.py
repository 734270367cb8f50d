"""Dated exceptions name a translatable closure reason (ClosureReason) instead of
free text that stayed English in every language. Each label in use becomes an
English reason (translators then translate it) and the rows point at it; the label
field stays as an optional note for one-offs."""

import django.db.models.deletion
import locations.closures
import modelsearch.index
import uuid

from django.conf import settings
from django.db import migrations, models


def labels_to_reasons(apps, schema_editor):
    HoursException = apps.get_model("locations", "HoursException")
    ClosureReason = apps.get_model("locations", "ClosureReason")
    Locale = apps.get_model("wagtailcore", "Locale")
    rows = HoursException.objects.exclude(label="").filter(reason__isnull=True)
    if not rows.exists():
        return
    english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    reasons = {}
    for row in rows.order_by("pk").iterator():
        label = row.label.strip()
        if label not in reasons:
            reasons[label], _created = ClosureReason.objects.get_or_create(
                locale=english, name=label, defaults={"translation_key": uuid.uuid4()}
            )
        row.reason, row.label = reasons[label], ""
        row.save(update_fields=["reason", "label"])


def reasons_to_labels(apps, schema_editor):
    HoursException = apps.get_model("locations", "HoursException")
    for row in HoursException.objects.filter(reason__isnull=False, label="").select_related(
        "reason"
    ):
        row.label = row.reason.name
        row.save(update_fields=["label"])


class Migration(migrations.Migration):

    dependencies = [
        ('locations', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AlterField(
            model_name='hoursexception',
            name='label',
            field=models.CharField(blank=True, help_text='Only for a one-off with no reason in the list; shown in English in every language.', max_length=80, verbose_name='note'),
        ),
        migrations.CreateModel(
            name='ClosureReason',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('name', models.CharField(help_text='For example "Thanksgiving" or "Closed for staff training".', max_length=80)),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'closure reason',
                'verbose_name_plural': 'closure reasons',
                'ordering': ['name'],
                'abstract': False,
                'unique_together': {('locale', 'name'), ('translation_key', 'locale')},
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddField(
            model_name='hoursexception',
            name='reason',
            field=models.ForeignKey(blank=True, help_text="Shown in each page's language (translators translate the reasons).", limit_choices_to=locations.closures.source_language_reasons, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='locations.closurereason'),
        ),
        migrations.RunPython(labels_to_reasons, reasons_to_labels),
    ]
