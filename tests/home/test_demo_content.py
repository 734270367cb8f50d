import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

pytestmark = pytest.mark.django_db


def test_load_demo_content_is_idempotent():
    # The session fixture already loaded the demo once; a second run changes nothing.
    pages_before = list(Page.objects.order_by("pk").values_list("pk", "url_path", "live"))
    revisions_before = Revision.objects.count()
    call_command("load_demo_content", verbosity=0)
    assert list(Page.objects.order_by("pk").values_list("pk", "url_path", "live")) == pages_before
    assert Revision.objects.count() == revisions_before


def test_demo_site_root_is_the_home_page(site):
    assert site.root_page.specific_class.__name__ == "HomePage"
    assert site.is_default_site


def test_demo_admin_is_only_created_when_asked(django_user_model):
    django_user_model.objects.filter(username="admin").delete()
    call_command("load_demo_content", verbosity=0)  # DEBUG is off in tests
    assert not django_user_model.objects.filter(username="admin").exists()
    call_command("load_demo_content", "--demo-users", verbosity=0)
    assert django_user_model.objects.get(username="admin").is_superuser
