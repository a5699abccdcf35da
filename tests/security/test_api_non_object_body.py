"""A JSON body that is not an object (a list, a string, a number, a boolean, null) sent to the documents API is
refused as a bad request, never a server error. The whole API is fuzzed in tests/whole/security/test_fuzz_api.py."""

import pytest

DOCUMENTS = "/api/v1/years/{key}/documents/"


@pytest.mark.parametrize("body", ["[]", '"x"', "1", "true", "null"])
def test_api_documents_non_object_body_not_5xx(client, central_user, body):
    client.force_login(central_user)

    response = client.post(DOCUMENTS.format(key=2566), body, content_type="application/json")

    assert response.status_code == 400
