"""Demo condition pages. The neck-spasms page carries the seed text word for word."""

from cms.demo import upsert_child_page
from conditions.models import ConditionIndexPage, ConditionPage


def load(home):
    index = upsert_child_page(
        home,
        ConditionIndexPage,
        "conditions",
        title="Conditions we treat",
        intro="Physical therapy helps with pain and injuries all over the body.",
    )
    upsert_child_page(
        index,
        ConditionPage,
        "neck-spasms",
        title="Best Neck Spasms PT & Rehab in NYC",
        intro=(
            "Many people have experienced muscle spasms in their neck and shoulder region "
            "at some point in their lives."
        ),
    )
    return index
