"""The demo neck-spasms page carries the seed page word for word: every line of
the seed file, in order, and every seed bullet as a list item."""

from pathlib import Path

import pytest

from tests.require import require

from .helpers import parse

# A copy of ../shared/seed/neck-spasms-page.txt, so the suite runs from a fresh clone.
SEED = Path(__file__).resolve().parent / "seed" / "neck-spasms-page.txt"
SHARED_SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "neck-spasms-page.txt"
BULLET = "•"

pytestmark = pytest.mark.django_db


def seed_lines():
    lines = [" ".join(line.split()) for line in SEED.read_text(encoding="utf-8").splitlines()]
    return [line for line in lines if line]


def test_seed_copy_matches_the_shared_seed():
    # The project's checkout (and CI's) has ../shared beside it; a lone clone skips.
    require(SHARED_SEED.exists(), f"no shared seed beside this checkout ({SHARED_SEED})")
    assert SEED.read_bytes() == SHARED_SEED.read_bytes()


def test_seed_file_is_there():
    lines = seed_lines()
    assert lines[0] == "Best Neck Spasms PT & Rehab in NYC"
    assert sum(line.startswith(BULLET) for line in lines) == 15


@pytest.fixture
def page_html(client):
    response = client.get("/conditions/neck-spasms/")
    assert response.status_code == 200
    return response.content.decode()


def test_every_seed_line_is_on_the_page_in_order(page_html):
    text = parse(page_html).text
    position = 0
    for line in seed_lines():
        line = line.removeprefix(BULLET).strip()
        found = text.find(line, position)
        assert found >= 0, f"missing or out of order: {line!r}"
        position = found + len(line)


def test_every_seed_bullet_is_a_list_item(page_html):
    items = parse(page_html).list_items
    bullets = [
        line.removeprefix(BULLET).strip() for line in seed_lines() if line.startswith(BULLET)
    ]
    for bullet in bullets:
        assert bullet in items, bullet
    positions = [items.index(bullet) for bullet in bullets]
    assert positions == sorted(positions)


def test_seed_title_is_the_only_h1(page_html):
    assert parse(page_html).headings["h1"] == ["Best Neck Spasms PT & Rehab in NYC"]


def test_closing_section_is_our_locations(page_html):
    doc = parse(page_html)
    assert doc.headings["h2"][-1] == "Our Locations"
    assert doc.text.index("Our Locations Choose your preferred location") > doc.text.index(
        "prevention of future injuries."
    )
