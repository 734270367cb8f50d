"""The design system's server side: base.html's landmarks and links, the footer's clinic
list (one query), breadcrumbs, phone display, and the content checker's configuration."""

import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation

from cms.templatetags.frontend_tags import phone_display
from tests.require import require

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("+12125550101", "(212) 555-0101"),
        ("212.555.0101", "(212) 555-0101"),
        ("1 (718) 555-0107", "(718) 555-0107"),
        ("311", "311"),
        ("", ""),
        (None, ""),
        ("call us", "call us"),
    ],
)
def test_phone_display(stored, shown):
    assert phone_display(stored) == shown


def test_footer_lists_every_live_clinic_in_one_query(django_assert_num_queries):
    from locations.models import LocationPage

    with translation.override("en"), django_assert_num_queries(1):
        rendered = Template("{% load frontend_tags %}{% footer_clinics as c %}{{ c|length }}")
        count = int(rendered.render(Context({})))
    assert count == LocationPage.objects.live().filter(locale__language_code="en").count() > 0


def test_pages_carry_the_design_systems_landmarks_and_links(client):
    body = client.get("/conditions/neck-spasms/").content.decode()
    assert '<a class="skip-link" href="#main">' in body
    assert '<main id="main"' in body
    assert 'class="site-header"' in body and 'class="site-footer"' in body
    assert 'href="tel:+1' in body  # click-to-call in the header and the footer
    assert 'aria-label="Breadcrumb"' in body and 'aria-current="page"' in body
    assert "Request an appointment" in body
    assert "<script src=" in body and " defer>" in body
    assert "style=" not in body.split("<body", 1)[1]
    assert "https://fonts." not in body and "cdn" not in body.lower()


def test_footer_lists_each_clinic_with_its_phone(client):
    from locations.models import LocationPage

    body = client.get("/").content.decode()
    footer = body.split('class="site-footer"', 1)[1]
    clinic_list = footer.split('class="clinic-list"', 1)[1].split("</ul>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", clinic_list, re.S)
    clinics = LocationPage.objects.live().filter(locale__language_code="en")
    assert len(items) == clinics.count() > 0
    for clinic in clinics:
        item = next((i for i in items if f'href="{clinic.url}"' in i), "")
        assert f"<bdi>{clinic.title}</bdi>" in item, f"{clinic.title} is not in the footer"
        # Stored in E.164, called as such, shown the local way, e.g. (212) 555-0101.
        assert clinic.phone.startswith("+1") and len(clinic.phone) == 12, clinic.phone
        assert f'href="tel:{clinic.phone}"' in item, item
        local = f"({clinic.phone[2:5]}) {clinic.phone[5:8]}-{clinic.phone[8:]}"
        assert f'<span dir="ltr">{local}</span>' in item, item


def test_footer_links_to_language_assistance_when_it_exists(client):
    from django.apps import apps

    model = apps.get_model("home", "LanguageAssistancePage")
    page = model.objects.live().filter(locale__language_code="en").first()
    require(page is not None, "no live language-assistance page")
    footer = client.get("/").content.decode().split('class="site-footer"', 1)[1]
    assert f'href="{page.url}"' in footer


def test_home_page_has_no_breadcrumbs_and_one_h1(client):
    body = client.get("/").content.decode()
    assert 'aria-label="Breadcrumb"' not in body
    assert body.count("<h1") == 1


def test_content_checker_is_ours_everywhere_it_is_built(rf, admin_user, home_page):
    from wagtail.admin.userbar import AccessibilityItem, AdminItem, apply_userbar_hooks

    from cms.editorial.content_checker import ClinicContentCheckerItem

    request = RequestFactory().get("/")
    request.user = admin_user
    for in_editor in (False, True):
        items = [AdminItem(), AccessibilityItem(in_editor=in_editor)]
        apply_userbar_hooks(request, items, home_page)
        checker = items[1]
        assert isinstance(checker, ClinicContentCheckerItem)
        assert checker.in_editor is in_editor
        config = checker.get_axe_configuration(request)
        rules = config["options"]["runOnly"]
        assert {"image-alt", "heading-order", "alt-text-quality", "empty-heading"} <= set(rules)
        assert config["context"]["include"] == ["main"]
        assert "image-alt" in config["messages"]


def test_language_assistance_link_costs_one_query(django_assert_num_queries):
    from home.models import LanguageAssistancePage

    template = Template("{% load frontend_tags %}{% language_assistance_url %}")
    with translation.override("es"):
        template.render(Context({}))  # the first render after a cache clear warms the site
        with django_assert_num_queries(1):
            url = template.render(Context({}))
    pages = LanguageAssistancePage.objects.live()
    page = pages.filter(locale__language_code="es").first() or pages.get(locale__language_code="en")
    assert url == page.url
