"""The public verify page gives Thai first and its English on a line of its own, muted: never "ไทย / English"
run together on one line."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

THAI_THEN_ENGLISH = re.compile(r"[\u0e00-\u0e7f)]\s*(?:<span[^>]*>)?\s*/ [A-Za-z]")


def _page(client, **query) -> str:
    html = client.get(reverse("verify:index"), query, follow=True).content.decode()
    return html[html.index('<div class="verify-page">') : html.index("</main>")]


@pytest.mark.parametrize(
    "query", [{}, {"code": "7K2M-9QXC-4DTE"}, {"code": "!!"}, {"sha256": "0" * 64}, {"sha256": "nothex"}]
)
def test_english_sits_under_its_thai_never_beside_it(client, query):
    page = _page(client, **query)
    assert THAI_THEN_ENGLISH.findall(page) == []
    english = re.findall(r'<span class="([^"]*)" lang="en">', page)
    assert english and set(english) == {"en"}
