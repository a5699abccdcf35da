from django.template import engines


def test_refusals_are_one_alert_list_escaped_and_nothing_without_any():
    page = engines["django"].from_string("{% load refusals %}{% refusals_of problems %}")
    assert page.render({"problems": ["ไม่มีชื่อ", "<b>"]}) == (
        '<ul class="refusals" role="alert"><li>ไม่มีชื่อ</li><li>&lt;b&gt;</li></ul>'
    )
    assert page.render({"problems": []}) == ""
