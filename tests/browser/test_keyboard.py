"""Keyboard only: the skip link, the header, the language switcher, and the appointment
form with its errors and its success, each reached and used with Tab, Space, Enter,
Escape and the arrow keys alone."""

import pytest

from tests.browser.conftest import VIEWPORTS, screenshot
from tests.require import require

APPOINTMENT_PATH = "/locations/midtown/appointment/"

FOCUS_INFO = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  return {
    tag: el.tagName.toLowerCase(), type: el.type || '', name: el.name || '',
    id: el.id || '', cls: typeof el.className === 'string' ? el.className : '',
    text: (el.innerText || el.value || '').trim().slice(0, 60),
    href: el.getAttribute('href') || '', required: !!el.required, checked: !!el.checked,
    value: el.value || '', inHeader: !!el.closest('body > header'),
    inForm: !!el.closest('main form'),
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
             && box.left < window.innerWidth,
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
  };
}"""


def focused(page):
    return page.evaluate(FOCUS_INFO)


def tab(page, shift=False):
    page.keyboard.press("Shift+Tab" if shift else "Tab")
    return focused(page)


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_skip_link_is_first_visible_on_focus_and_moves_focus_to_main(new_page, base_url, viewport):
    page, _watcher = new_page(viewport)
    page.goto(base_url + "/conditions/neck-spasms/")
    first = tab(page)
    assert first and "skip-link" in first["cls"], f"first Tab stop is {first}"
    assert first["visible"], "the skip link stays off screen when focused"
    assert first["outline"], "the focused skip link has no visible focus ring"
    screenshot(page, f"keyboard--skip-link--{viewport}")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    after = tab(page)
    assert after and not after["inHeader"], f"Tab after the skip link went back to {after}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_header_is_usable_with_the_keyboard(new_page, base_url, viewport):
    page, watcher = new_page(viewport)
    page.goto(base_url + "/")
    stops = []
    for _ in range(30):
        info = tab(page)
        if info is None or (stops and not info["inHeader"]):
            break
        stops.append(info)
    header_stops = [stop for stop in stops if stop["inHeader"]]
    labels = " | ".join(stop["text"] or stop["href"] for stop in header_stops)
    for stop in header_stops:
        assert stop["visible"], f"focused but not visible: {stop}"
        assert stop["outline"], f"no visible focus ring on {stop}"
    hrefs = [stop["href"] for stop in header_stops]
    assert any(href.startswith("tel:") for href in hrefs), f"no click-to-call in {labels}"
    assert any("/conditions/" in href for href in hrefs), labels
    assert any("/locations/" in href for href in hrefs), labels
    assert any("/search/" in href for href in hrefs), labels
    assert any("appointment" in stop["cls"] for stop in header_stops), labels

    # Follow "Locations" with Enter.
    page.goto(base_url + "/")
    for _ in range(30):
        info = tab(page)
        if info and info["inHeader"] and info["href"].rstrip("/").endswith("/locations"):
            break
    else:
        pytest.fail("the Locations link is not reachable with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.rstrip("/").endswith("/locations")
    assert not watcher.third_party


def test_language_switcher_opens_moves_and_closes_with_the_keyboard(new_page, live_site):
    require(len(live_site["languages"]) > 1, "only one language is live: no language switcher")
    base_url = live_site["base"]
    page, _watcher = new_page("phone")
    page.goto(base_url + "/")
    for _ in range(30):
        info = tab(page)
        if info and info["tag"] == "summary":
            break
    else:
        pytest.fail("the language switcher is not reachable with Tab")
    switcher = page.locator("details.language-switcher")
    page.keyboard.press("Enter")
    assert switcher.get_attribute("open") is not None, "Enter does not open the switcher"
    link = tab(page)
    assert link["tag"] == "a" and link["visible"], f"first language link: {link}"
    screenshot(page, "keyboard--language-switcher--phone")
    page.keyboard.press("Escape")
    assert switcher.get_attribute("open") is None, "Escape does not close the switcher"
    assert focused(page)["tag"] == "summary", "Escape does not return focus to the toggle"


# --- The appointment form -------------------------------------------------------

SAMPLE_TEXT = {
    "name": "Ana Keyboard",
    "tel": "(212) 555-0142",
    "phone": "(212) 555-0142",
    "email": "ana.keyboard@example.com",
}


def open_appointment_form(new_page, base_url, viewport):
    page, watcher = new_page(viewport)
    response = page.goto(base_url + APPOINTMENT_PATH)
    assert response.status == 200, f"{APPOINTMENT_PATH} answered {response.status}"
    for _ in range(80):
        info = tab(page)
        if info and info["inForm"]:
            return page, watcher, info
    pytest.fail("no form field is reachable with Tab")


def fill_with_keyboard(page, info):
    """Walk the form with Tab, filling every required field the way a keyboard user
    would; stop on the submit button. Returns the fields visited."""
    visited = []
    radio_groups = set()
    for _ in range(80):
        assert info and info["inForm"], f"Tab left the form before its submit button: {info}"
        assert info["visible"] and info["outline"], f"focus not visible on {info}"
        visited.append(info["name"] or info["text"])
        kind = info["type"] if info["tag"] == "input" else info["tag"]
        if info["tag"] == "button" or kind == "submit":
            return visited
        if kind in {"text", "tel", "email", "textarea"} and not info["value"]:
            value = SAMPLE_TEXT.get(info["name"]) or SAMPLE_TEXT.get(kind)
            if value is None and info["required"]:
                value = "Keyboard test"
            if value:
                page.keyboard.type(value)
        elif kind == "radio" and info["name"] not in radio_groups:
            radio_groups.add(info["name"])
            if not info["checked"]:
                page.keyboard.press("Space")
        elif kind == "checkbox" and info["required"] and not info["checked"]:
            page.keyboard.press("Space")
        elif kind in {"select", "select-one"} and not info["value"]:
            page.keyboard.press("ArrowDown")
        info = tab(page)
    pytest.fail("never reached the submit button")


# Each invalid field's description (its own aria-describedby, or its fieldset's for a
# group of radio buttons or checkboxes), and which of the ids point nowhere.
DESCRIPTIONS = """() => [...document.querySelectorAll('[aria-invalid="true"]')].map(el => {
  const fieldset = el.closest('fieldset');
  const ids = [el.getAttribute('aria-describedby'),
               fieldset && fieldset.getAttribute('aria-describedby')]
    .filter(Boolean).join(' ').split(/\\s+/).filter(Boolean);
  const errorText = ids.map(id => document.getElementById(id)).filter(Boolean)
    .filter(node => /error/.test(node.id + ' ' + node.className))
    .map(node => node.textContent.trim()).join(' ');
  return {name: el.name, ids, errorText,
          missing: ids.filter(id => !document.getElementById(id))};
})"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_appointment_form_errors_are_announced(new_page, base_url, viewport):
    page, watcher, _info = open_appointment_form(new_page, base_url, viewport)
    # Enter in the first field submits the empty form.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("[role=alert], .error-summary").count(), "no announced error message"
    invalid = page.evaluate(DESCRIPTIONS)
    assert invalid, "no field is marked aria-invalid"
    now = focused(page)
    assert now and (now["inForm"] or "error-summary" in now["cls"]), (
        f"after an error, focus is on {now}, not on the errors or the first invalid field"
    )
    screenshot(page, f"appointment-errors--en--{viewport}")
    assert not watcher.third_party and not watcher.failed
    undescribed = [field for field in invalid if not field["errorText"]]
    assert not undescribed, f"invalid fields without their error in their description: {invalid}"


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_appointment_form_can_be_completed_with_the_keyboard_alone(new_page, base_url, viewport):
    page, watcher, info = open_appointment_form(new_page, base_url, viewport)
    visited = fill_with_keyboard(page, info)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("[aria-invalid=true]").count() == 0, (
        f"the form came back with errors after visiting {visited}: "
        + page.locator("main").inner_text()[:500]
    )
    # Success is the clinic's thank-you page, not the form again or anywhere else.
    assert page.url == base_url + APPOINTMENT_PATH + "thanks/", page.url
    assert page.locator("h1").inner_text() == "Thank you, we have your request"
    screenshot(page, f"appointment-success--en--{viewport}")
    assert not watcher.third_party and not watcher.failed and not watcher.console_errors
