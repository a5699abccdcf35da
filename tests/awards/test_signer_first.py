"""The signatory is asked for before documents are made: until one is saved, the results
page opens its documents section with the signature form and says why, and no document is issued as final;
once saved, the form sits below."""

from django.urls import reverse

from awards import documents
from scoring import snapshots


def _page(client) -> str:
    return client.get(reverse("awards:results", args=[2566])).content.decode()


def test_without_a_signatory_the_form_comes_before_the_documents_and_says_why(client, central_user, rubric):
    client.force_login(central_user)

    html = _page(client)

    assert html.index('id="signature"') < html.index('id="signer-missing"') < html.index('id="documents"')
    assert "ยังไม่ได้ระบุผู้ลงนาม เอกสารทุกฉบับเป็นฉบับร่าง (ไม่มีรหัสตรวจสอบ)" in html
    assert html.count('action="/awards/years/2566/signature/"') == 1

    client.post(
        reverse("awards:signature", args=[2566]),
        {"signer_name": "นายสมชาย ใจดี", "signer_position": "อธิบดีกรมการพัฒนาชุมชน", "announced_on": "2023-09-29"},
    )
    html = _page(client)

    assert 'id="signer-missing"' not in html
    assert html.index('id="documents"') < html.index('id="signature"')
    assert html.count('action="/awards/years/2566/signature/"') == 1


def test_frozen_results_are_issued_only_once_the_signatory_is_named(client, central_user, demo_standings):
    """A final document never prints an empty "(      )": until the signatory is saved it is a draft ("ร่าง"),
    with no verification code, even from frozen results."""
    snapshots.standings_freeze(user=central_user, rubric=demo_standings)
    assert not documents.final(demo_standings)

    client.force_login(central_user)
    client.post(
        reverse("awards:signature", args=[2566]),
        {"signer_name": "นายสมชาย ใจดี", "signer_position": "อธิบดีกรมการพัฒนาชุมชน", "announced_on": "2023-09-29"},
    )

    assert documents.final(demo_standings)
