import pytest
from wagtail.models import Locale


@pytest.fixture
def midtown(page_by_path):
    return page_by_path("/locations/midtown/")


def clinic_in(midtown, code):
    """The clinic's page in language `code`: its live translation (the demo has them)."""
    page = midtown.get_translation_or_none(Locale.objects.get(language_code=code))
    assert page is not None and page.live, f"the demo translates the clinics into {code}"
    return page.specific
