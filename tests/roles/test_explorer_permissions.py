"""The sidebar explorer's pencils: the admin says which listed pages a user may edit,
so a clinic manager is not offered edits that end in "permission denied"."""

import pytest
from django.urls import reverse
from wagtail.models import Page

pytestmark = pytest.mark.django_db


def editable(client, pages):
    response = client.get(reverse("explorer_editable_pages"), {"id": [p.pk for p in pages]})
    assert response.status_code == 200
    return set(response.json()["editable"])


def test_a_manager_may_edit_their_clinic_not_the_pages_above_it(login, users, page_by_path):
    midtown = page_by_path("/locations/midtown/")
    astoria = page_by_path("/locations/astoria/")
    ancestors = list(Page.objects.ancestor_of(midtown).filter(depth__gt=1))
    client = login(users["manager-midtown"])
    assert editable(client, [*ancestors, midtown, astoria]) == {midtown.pk}
    # And what the endpoint says is what the editor does.
    for page in ancestors + [astoria]:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert response.status_code in (302, 403), page
    assert client.get(reverse("wagtailadmin_pages:edit", args=[midtown.pk])).status_code == 200


def test_an_administrator_may_edit_them_all(login, users, page_by_path):
    pages = [page_by_path("/locations/midtown/"), page_by_path("/conditions/neck-spasms/")]
    assert editable(login(users["admin"]), pages) == {p.pk for p in pages}


@pytest.mark.parametrize("query", ["id=x", "id=" + "&id=".join(str(n) for n in range(501))])
def test_bad_input_is_a_clear_400(login, users, query):
    response = login(users["editor"]).get(reverse("explorer_editable_pages") + "?" + query)
    assert response.status_code == 400
    assert "error" in response.json()


def test_the_admin_loads_the_explorer_script(login, users):
    body = login(users["manager-midtown"]).get("/admin/").content.decode()
    assert "explorer_permissions/explorer.js" in body
