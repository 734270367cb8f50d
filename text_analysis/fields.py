"""Search fields indexed through the analysis, in the page's language."""

from django.utils.encoding import force_str
from wagtail.search import index

from text_analysis.pipeline import index_terms


def _text(value):
    """A field's value as one text (StreamField content is a list of strings)."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return " ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(_text(item) for item in value.values())
    return force_str(value)


def _language(obj):
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else ""


class AnalysedSearchField(index.SearchField):
    """Indexed as written (for the admin's and the API's searches) followed by the
    analysed terms of the text in the object's language, which the site search's
    analysed queries meet on any backend (text_analysis/)."""

    def __eq__(self, other):
        """The plain field it analyses counts as the same field, so Wagtail's check that
        a page model keeps `Page.search_fields` (wagtailsearch.W001) sees them kept."""
        if isinstance(other, index.SearchField):
            return (other.field_name, other.boost) == (self.field_name, self.boost)
        return NotImplemented

    __hash__ = index.SearchField.__hash__

    def get_value(self, obj):
        text = _text(super().get_value(obj))
        terms = index_terms(text, _language(obj))
        return f"{text} {' '.join(terms)}" if terms else text


def analysed(search_fields):
    """`search_fields` with every SearchField analysed (boosts kept), for a model's
    `search_fields = analysed([...])`."""
    return [
        AnalysedSearchField(field.field_name, boost=field.boost, **field.kwargs)
        if type(field) is index.SearchField
        else field
        for field in search_fields
    ]
