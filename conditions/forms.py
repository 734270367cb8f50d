"""The condition page's admin form: related conditions offered from the page's own
language only, and a slug help text showing this site's real address."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ConditionPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        parent = self.parent_page if page.pk is None else page.get_parent()
        locale_id = page.locale_id if page.pk else parent.locale_id
        related = self.fields.get("related_conditions")
        if related is not None:
            choices = related.queryset.filter(locale_id=locale_id)
            if page.pk:
                choices = choices.exclude(pk=page.pk)
            related.queryset = choices.order_by("title")
        slug = self.fields.get("slug")
        parent_url = parent.specific.full_url if parent else None
        if slug is not None and parent_url:
            slug.help_text = _("The last part of the page's address: %(url)s[slug]/") % {
                "url": parent_url
            }
