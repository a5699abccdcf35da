"""A provincial office's contest gets documents in its own name, about its own entrants."""


def test_document_files_are_named_by_contest(district_contest, central_user):
    from awards import services as award_services

    doc = award_services.document_request(rubric=district_contest, kind="results", unit=None, user=central_user)
    assert doc.filename == "cm-missions-2565-results-all-v1.pdf"
