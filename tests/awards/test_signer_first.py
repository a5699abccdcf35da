"""The signatory is asked for before documents are made (issue #39, item 3): until one is saved, the results
page opens its documents section with the signature form and says why; once saved, it sits below."""

from django.urls import reverse


def _page(client) -> str:
    return client.get(reverse("awards:results", args=[2566])).content.decode()


def test_without_a_signatory_the_form_comes_before_the_documents_and_says_why(client, central_user, rubric):
    client.force_login(central_user)

    html = _page(client)

    assert html.index('id="signature"') < html.index('id="signer-missing"') < html.index('id="documents"')
    assert "ยังไม่ได้ระบุผู้ลงนาม ประกาศและประกาศนียบัตรจะพิมพ์ช่องลงนามว่าง" in html
    assert html.count('action="/awards/years/2566/signature/"') == 1

    client.post(
        reverse("awards:signature", args=[2566]),
        {"signer_name": "นายสมชาย ใจดี", "signer_position": "อธิบดีกรมการพัฒนาชุมชน", "announced_on": "2023-09-29"},
    )
    html = _page(client)

    assert 'id="signer-missing"' not in html
    assert html.index('id="documents"') < html.index('id="signature"')
    assert html.count('action="/awards/years/2566/signature/"') == 1
