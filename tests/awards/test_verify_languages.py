"""The public verify page reads in one language: Thai sentences with no English ones after them, and English
as the whole page once the visitor switches the language (the header's button), not as trailing halves."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from scoring import snapshots
from tests.factories import AwardSignatureFactory, VerificationCodeFactory

pytestmark = pytest.mark.django_db

ENGLISH_SENTENCE = re.compile(r"\b[A-Z]?[a-z]{2,}(?: [a-z]{2,}){2,}")  # three English words in a row
QUERIES = [{}, {"code": "7K2M-9QXC-4DTE"}, {"code": "!!"}, {"sha256": "0" * 64}, {"sha256": "nothex"}]


def _text(client, url: str, query: dict | None = None) -> str:
    html = client.get(url, query or {}, follow=True).content.decode()
    page = html[html.index('<div class="verify-page">') : html.index("</main>")]
    page = re.sub(r"<code[^>]*>.*?</code>|<[^>]+>", " ", page)  # commands and hashes are no sentence
    return " ".join(page.split())


@pytest.fixture(autouse=True)
def _thai_again():
    """An English request leaves English active in this thread: the tests after this one read Thai."""
    yield
    translation.activate("th")


@pytest.fixture
def issued(rubric, central_user, chiang_mai):
    AwardSignatureFactory(rubric=rubric)
    snapshots.standings_freeze(user=central_user, rubric=rubric)  # only frozen results are issued
    return VerificationCodeFactory(entrant=chiang_mai)


@pytest.mark.parametrize("query", QUERIES)
def test_a_thai_page_says_nothing_again_in_english(client, query):
    assert ENGLISH_SENTENCE.findall(_text(client, reverse("verify:index"), query)) == []


def test_an_issued_certificates_page_is_thai_alone_then_english_alone(client, issued):
    url = reverse("verify:page", args=[issued.code])
    thai = _text(client, url)
    assert "ออกโดย" in thai and ENGLISH_SENTENCE.findall(thai) == []
    assert "issued by" not in thai and "Provincial Community Development Office" not in thai

    client.post(reverse("set_language"), {"language": "en", "next": url})
    english = _text(client, url)
    assert english.startswith("Verify a document of the Community Development Department ✓ issued by ")
    assert "This is the current version." in english
    # Thai only where the document itself prints it (its contest, entrant and award)
    assert "ออกโดย" not in english and "ตรวจสอบ" not in english and "ฉบับปัจจุบัน" not in english
