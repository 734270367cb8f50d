"""A clinic page in a language nobody has translated it into yet, in the browser: Bengali,
Korean and Urdu (right to left), with the fonts the machine really uses for each script
(Chromium's own report of the platform fonts behind the text) and screenshots."""

import pytest

from tests.browser.conftest import require_fonts, screenshot

CLINIC = "/locations/midtown/"
# The script's font family as fontconfig names it on Debian (fonts-noto-*).
FONTS = {"bn": "Bengali", "ko": "CJK", "ur": ("Arabic", "Urdu")}
FONT_PACKAGES = {"bn": "fonts-noto-core", "ko": "fonts-noto-cjk", "ur": "fonts-noto-core"}


def platform_fonts(page, selector):
    """Family names of the fonts Chromium drew the element's text with."""
    session = page.context.new_cdp_session(page)
    session.send("DOM.enable")
    session.send("CSS.enable")
    root = session.send("DOM.getDocument")["root"]["nodeId"]
    node = session.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = session.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return {font["familyName"]: font["glyphCount"] for font in fonts}


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
@pytest.mark.parametrize("code", ["bn", "ko", "ur"])
def test_untranslated_clinic_page_in_the_readers_script(new_page, base_url, code, viewport):
    require_fonts(FONT_PACKAGES[code])
    page, watcher = new_page(viewport)
    response = page.goto(f"{base_url}/{code}{CLINIC}")
    assert response.status == 200
    assert response.headers.get("x-robots-tag") == "noindex"
    html = page.locator("html")
    assert html.get_attribute("lang") == code
    assert html.get_attribute("dir") == ("rtl" if code == "ur" else "ltr")
    # The clinic's own name stays English, left to right inside a right-to-left page.
    heading = page.locator("h1")
    assert heading.get_attribute("lang") == "en"
    assert heading.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert page.locator(".fallback-notice").is_visible()
    assert page.locator('a[href="tel:+12125550101"]').first.is_visible()

    fonts = platform_fonts(page, "#hours-heading")
    wanted = FONTS[code] if isinstance(FONTS[code], tuple) else (FONTS[code],)
    assert any(part in family for family in fonts for part in wanted), fonts
    if code == "ur":
        width = page.evaluate("document.documentElement.clientWidth")
        brand = page.locator(".site-header__brand").bounding_box()
        assert brand["x"] + brand["width"] > width * 0.6, "the brand does not start on the right"
    screenshot(page, f"fallback-clinic-{code}-{viewport}")
    assert not watcher.third_party and not watcher.failed and not watcher.console_errors
