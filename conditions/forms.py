"""The condition page's admin form: related conditions chosen from the page's own
language (conditions/choosers.py), and a slug help text showing this site's real
address."""

from django.utils.translation import gettext_lazy as _

from cms.editorial.concurrent_edits import EditorialPageForm
from conditions.choosers import duplicate_rows, limit_related_conditions


class ConditionPageForm(EditorialPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        parent = self.parent_page if page.pk is None else page.get_parent()
        related = self.formsets.get("related_conditions")
        if related is not None and parent is not None:
            limit_related_conditions(related, page, parent)
        slug = self.fields.get("slug")
        parent_url = parent.specific.full_url if parent else None
        if slug is not None and parent_url:
            slug.help_text = _("The last part of the page's address: %(url)s[slug]/") % {
                "url": parent_url
            }

    def clean(self):
        cleaned_data = super().clean()
        related = self.formsets.get("related_conditions")
        if related is not None and related.is_valid():
            for form in duplicate_rows(related):
                form.add_error("condition", "This condition page is already in the list.")
        return cleaned_data
