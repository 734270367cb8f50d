import json
import re

import pytest

from cms.seo.jsonld import breadcrumb_list, render_json_ld


def test_json_ld_cannot_close_its_script_element():
    html = str(render_json_ld({"name": "</script><script>alert(1)</script> & more"}))
    assert html.count("</script>") == 1
    payload = re.search(r">(.*)</script>$", html).group(1)
    assert json.loads(payload)["name"] == "</script><script>alert(1)</script> & more"


@pytest.mark.django_db
def test_breadcrumb_list_runs_from_home_to_page(page_by_path, rf):
    page = page_by_path("/conditions/neck-spasms/")
    data = breadcrumb_list(page, rf.get("/"))
    names = [item["name"] for item in data["itemListElement"]]
    assert names[-1] == page.title
    assert len(names) == 3
    assert [item["position"] for item in data["itemListElement"]] == [1, 2, 3]
    assert data["itemListElement"][-1]["item"].endswith("/conditions/neck-spasms/")
