"""The POST data Wagtail's page editor sends, for tests that drive the admin over HTTP."""

from django.urls import reverse
from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import querydict_from_html


def stream_form_data(block, value, prefix, data):
    """The POST data the editor's StreamField widget (built by JavaScript) sends."""
    if isinstance(block, blocks.StreamBlock):
        for index, child in enumerate(value):
            key = f"{prefix}-{index}"
            data.update({f"{key}-type": child.block_type, f"{key}-deleted": ""})
            data.update({f"{key}-order": str(index), f"{key}-id": child.id or ""})
            stream_form_data(child.block, child.value, f"{key}-value", data)
        data[f"{prefix}-count"] = str(len(value))
    elif isinstance(block, blocks.ListBlock):
        for index, child in enumerate(value.bound_blocks):
            key = f"{prefix}-{index}"
            data.update({f"{key}-deleted": "", f"{key}-order": str(index)})
            data[f"{key}-id"] = child.id or ""
            stream_form_data(block.child_block, child.value, f"{key}-value", data)
        data[f"{prefix}-count"] = str(len(value))
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            stream_form_data(child_block, value.get(name), f"{prefix}-{name}", data)
    elif isinstance(block, blocks.ChooserBlock):
        data[prefix] = "" if value is None else str(getattr(value, "pk", value))
    elif isinstance(block, blocks.BooleanBlock):
        if value:
            data[prefix] = "on"
    else:
        form_value = block.field.widget.format_value(block.value_for_form(value))
        if isinstance(form_value, list | tuple):  # select widgets: a list of choices
            data[prefix] = [str(item) for item in form_value]
        else:
            data[prefix] = "" if form_value is None else str(form_value)


def edit_form_data(client, page, **changes):
    """The edit form of `page` as the editor's browser would post it unchanged, with
    `changes` ({field name: value}) applied. A QueryDict (mutable)."""
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # A browser sends "on" for a ticked checkbox without a value attribute (Wagtail's
    # helper sends an empty string, which reads as unticked).
    form = WagtailTestUtils.get_soup(html).find("form", id="page-edit-form")
    for box in form.find_all("input", type="checkbox", checked=True):
        if "value" not in box.attrs:
            data.setlist(box["name"], ["on"])
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            flat = {}
            stream_form_data(field.stream_block, getattr(page, field.name), field.name, flat)
            for key, value in flat.items():
                data.setlist(key, value if isinstance(value, list) else [value])
    for name, value in changes.items():
        data.setlist(name, value if isinstance(value, list) else [value])
    return data


def site_settings_form(brand_name, translation_reviewer="clinical_reviewers"):
    """The site settings form as an editor saves it, with a brand name of their own."""
    from cms.i18n.taglines import NEW_YORK

    return {
        "brand_name": brand_name,
        "main_phone": "+12125550100",
        "facebook_url": "",
        "instagram_url": "",
        "linkedin_url": "",
        "default_sharing_image": "",
        "readability_target_grade": "8",
        "condition_review_months": "12",
        "notice_languages": NEW_YORK,
        "translation_reviewer": translation_reviewer,
    }
