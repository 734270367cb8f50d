"""Page-weight budget of a condition page's first load, measured in the browser, and
right-to-left mirroring where a right-to-left language is live."""

import pytest

from tests.browser.conftest import screenshot
from tests.require import require

CONDITION_PATH = "/conditions/neck-spasms/"
TOTAL_BUDGET = 600 * 1024  # bytes over the wire, everything the first load fetches
CODE_BUDGET = 100 * 1024  # CSS and JavaScript, compressed

WEIGHT_SCRIPT = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  const code = resources.filter(r => /\\.(css|js)(\\?|$)/.test(new URL(r.name).pathname)
                                     || ['link', 'script', 'css'].includes(r.initiatorType)
                                        && /\\.(css|js)$/.test(new URL(r.name).pathname));
  return {
    document: nav.transferSize,
    resources: resources.map(r => [r.name, r.transferSize, r.encodedBodySize,
                                   r.decodedBodySize]),
    total: nav.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
    code: code.reduce((sum, r) => sum + r.encodedBodySize, 0),
    codeDecoded: code.reduce((sum, r) => sum + r.decodedBodySize, 0),
  };
}"""


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_condition_page_first_load_is_within_budget(new_page, base_url, viewport):
    page, watcher = new_page(viewport)
    page.goto(base_url + CONDITION_PATH, wait_until="load")
    # Scroll to the end so lazy images below the fold count too, then let them load.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    weight = page.evaluate(WEIGHT_SCRIPT)
    print(  # shown with -s; figures for the README and the issue
        f"\n{viewport}: total {weight['total'] / 1024:.1f} KB, CSS+JS "
        f"{weight['code'] / 1024:.1f} KB compressed ({weight['codeDecoded'] / 1024:.1f} KB raw)"
    )
    assert not watcher.third_party
    assert weight["total"] <= TOTAL_BUDGET, weight
    assert weight["code"] <= CODE_BUDGET, weight
    # Static files are served compressed (whitenoise) to a browser that accepts it.
    compressed = [r for r in weight["resources"] if r[2] and r[3] and r[2] < r[3]]
    assert compressed, f"no resource arrived compressed: {weight['resources']}"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_right_to_left_pages_mirror(new_page, live_site, viewport):
    rtl = [code for code in ("ar", "ur") if code in live_site["languages"]]
    require(rtl, "no right-to-left language is live")
    page, _watcher = new_page(viewport)
    page.goto(f"{live_site['base']}/{rtl[0]}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    width = page.evaluate("document.documentElement.clientWidth")
    brand = page.locator(".site-header__brand").bounding_box()
    assert brand["x"] + brand["width"] > width * 0.6, "the brand does not start on the right"
    heading = page.locator("h1").bounding_box()
    assert heading["x"] + heading["width"] > width * 0.6, "the h1 does not start on the right"
    # Direction arrows point the reading way: mirrored in right-to-left.
    arrows = page.locator(".icon--directional")
    if arrows.count():
        transform = arrows.first.evaluate("el => getComputedStyle(el).transform")
        assert transform.startswith("matrix(-1"), f"arrow not mirrored: {transform}"
    screenshot(page, f"rtl--{rtl[0]}--{viewport}")


def test_reduced_motion_is_respected(new_page, base_url):
    page, _watcher = new_page("phone")  # contexts emulate prefers-reduced-motion: reduce
    page.goto(base_url + "/")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    duration = page.locator(".button").first.evaluate(
        "el => parseFloat(getComputedStyle(el).transitionDuration)"
    )
    assert duration <= 0.001
