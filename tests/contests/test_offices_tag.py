from django.template import engines
from django.utils import translation

from contests.models import Level, Unit


def test_a_unit_is_named_as_its_office_in_thai_and_by_its_english_name_in_english():
    page = engines["django"].from_string("{% load offices %}{{ u|office_name }}|{{ bare|office_name }}")
    context = {
        "u": Unit(code="TH-50-01", level=Level.DISTRICT, name_th="เมืองเชียงใหม่", name_en="Mueang Chiang Mai"),
        "bare": Unit(code="TH-50", level=Level.PROVINCE, name_th="เชียงใหม่", name_en=""),
    }
    with translation.override("th"):
        assert page.render(context) == "สำนักงานพัฒนาชุมชนอำเภอเมืองเชียงใหม่|สำนักงานพัฒนาชุมชนจังหวัดเชียงใหม่"
    with translation.override("en"):
        assert page.render(context) == "Mueang Chiang Mai|TH-50"
