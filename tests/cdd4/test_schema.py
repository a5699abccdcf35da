"""The API's schema is drawn once a process for each language, and each reader gets it in their language."""

import pytest

from cdd4.schema import SchemaView

THAI = "ผู้ได้รับการเสนอชื่อของการประกวด"
ENGLISH = "a contest's nominees (whoever runs it: all; an office: its own)"


@pytest.fixture
def undrawn():
    SchemaView.drawn.clear()
    yield SchemaView.drawn
    SchemaView.drawn.clear()


@pytest.mark.django_db
def test_the_schema_is_drawn_once_for_each_language_and_served_in_the_readers_language(api, central_user, undrawn):
    api.force_authenticate(central_user)

    first = api.get("/api/v1/schema/?format=json")
    again = api.get("/api/v1/schema/?format=json")
    english = api.get("/api/v1/schema/?format=json&lang=en")
    thai_after_english = api.get("/api/v1/schema/?format=json")

    assert [r.status_code for r in (first, again, english, thai_after_english)] == [200, 200, 200, 200]
    assert sorted(undrawn) == [("en", None), ("th", None)]
    assert first.content == again.content == thai_after_english.content
    assert THAI in first.content.decode() and ENGLISH not in first.content.decode()
    assert ENGLISH in english.content.decode() and THAI not in english.content.decode()
    assert first["Content-Disposition"] == 'inline; filename="CDD 4.0 awards portal API.json"'


@pytest.mark.django_db
def test_a_language_or_version_the_portal_does_not_have_is_drawn_and_not_kept(api, central_user, undrawn):
    """`?lang=` and `?version=` take any text: keeping a schema for each would let anyone signed in fill the
    process's memory."""
    api.force_authenticate(central_user)

    responses = [api.get(f"/api/v1/schema/?format=json&{query}") for query in ("lang=zz", "lang=zz-1", "version=v9")]

    assert [r.status_code for r in responses] == [200, 200, 200]
    assert undrawn == {}
    assert THAI in responses[0].content.decode()  # an unknown language reads as the portal's default, Thai
