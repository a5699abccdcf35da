"""The schedule's API: a year's rubric, whole, with its dates as the schedule decides them (every reader's
agreement on those dates is tests/whole/schedule/test_agreement.py's)."""


def test_api_rubric_sums_to_100(api, central_user):
    api.force_authenticate(central_user)
    data = api.get("/api/v1/years/2566/rubric/").json()
    assert data["total_points"] == "100.00"
    assert [d["max_points"] for d in data["dimensions"]] == ["20.00", "25.00", "25.00", "20.00", "10.00"]
    assert [c["code"] for d in data["dimensions"] for c in d["criteria"]][-3:] == ["4.2", "5.1", "5.2"]
