import pytest


@pytest.fixture
def midtown(page_by_path):
    return page_by_path("/locations/midtown/")
