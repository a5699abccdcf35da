import json

import pytest


@pytest.mark.django_db
def test_locale_thai_even_when_browser_prefers_english(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "th"
    assert "ชื่อผู้ใช้" in response.content.decode()


@pytest.mark.django_db
def test_locale_english_after_choosing_it(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/admin/login/"})
    response = client.get("/admin/login/")
    assert response.headers["Content-Language"] == "en"
    assert "Username" in response.content.decode()


@pytest.mark.django_db
def test_the_admins_selection_counter_is_thai(client, central_user):
    """Django's Thai catalogue says "0 จาก 24 selected" under a list's actions (issue #39)."""
    client.force_login(central_user)
    catalogue = client.get("/admin/jsi18n/").content.decode()
    assert json.dumps("เลือก %(sel)s จาก %(cnt)s") in catalogue  # as the catalogue writes it, \u-escaped
    assert json.dumps("%(sel)s จาก %(cnt)s selected") not in catalogue
