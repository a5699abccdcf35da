import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.test import RequestFactory
from django.urls import reverse

from contests.entries import Entry
from core import acts, gate
from rubrics.models import Criterion


@pytest.fixture
def criterion(rubric):
    return Criterion.objects.filter(rubric=rubric).order_by("order").first()


def _request(user):
    request = RequestFactory().get("/somewhere/?x=1")
    request.user = user
    return request


def test_anonymous_must_sign_in(rubric, chiang_mai):
    entry = Entry(rubric.contest, chiang_mai)
    with pytest.raises(gate.SignInRequired):
        gate.require(_request(AnonymousUser()), "contests.see_unit", entry)
    with pytest.raises(gate.SignInRequired):
        gate.visible(_request(AnonymousUser()), "contests.see_unit", entry)


def test_visible_hides_another_province_and_returns_ones_own(rubric, provincial_user, chiang_mai, phuket):
    request = _request(provincial_user)
    own = Entry(rubric.contest, chiang_mai)
    assert gate.visible(request, "contests.see_unit", own) is own
    with pytest.raises(Http404):
        gate.visible(request, "contests.see_unit", Entry(rubric.contest, phuket))


def test_require_refuses_an_action_with_403(rubric, committee_user, chiang_mai):
    request = _request(committee_user)
    entry = Entry(rubric.contest, chiang_mai)
    gate.visible(request, "contests.see_unit", entry)  # the committee may look
    with pytest.raises(PermissionDenied) as exc:
        gate.require(request, "submissions.submit_evidence", entry)  # but not submit
    assert not isinstance(exc.value, gate.SignInRequired)


def test_require_first_answers_the_first_act_allowed_asking_none_after_it(central_user, provincial_user, monkeypatch):
    asked = []
    ask = acts.allowed
    monkeypatch.setattr(acts, "allowed", lambda user, name, obj=None: asked.append(name) or ask(user, name, obj))
    request = _request(central_user)
    assert gate.require_first(request, "notices.announce", "notices.announce_to_entrants") == "notices.announce"
    assert asked == ["notices.announce"]
    with pytest.raises(PermissionDenied) as exc:
        gate.require_first(_request(provincial_user), "notices.announce", "notices.announce_to_entrants")
    assert not isinstance(exc.value, gate.SignInRequired)
    with pytest.raises(gate.SignInRequired):
        gate.require_first(_request(AnonymousUser()), "notices.announce")


def test_page_anonymous_redirected_to_login(client, rubric, chiang_mai):
    url = reverse("submissions:unit", args=[rubric.year, chiang_mai.code])
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next={url}"


def test_page_other_province_is_404_own_is_200(client, rubric, provincial_user, chiang_mai, phuket):
    client.force_login(provincial_user)
    assert client.get(reverse("submissions:unit", args=[rubric.year, phuket.code])).status_code == 404
    assert client.get(reverse("submissions:unit", args=[rubric.year, chiang_mai.code])).status_code == 200


def test_page_action_not_allowed_is_403(client, rubric, committee_user, chiang_mai, criterion):
    client.force_login(committee_user)
    url = reverse("submissions:link", args=[rubric.year, chiang_mai.code, criterion.code])
    assert client.post(url, {"url": "https://example.org/a", "description": "x"}).status_code == 403


def test_page_without_object_anonymous_302_other_role_403_central_200(client, rubric, provincial_user, central_user):
    url = reverse("awards:results", args=[rubric.year])
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"{reverse('login')}?next={url}")
    client.force_login(provincial_user)
    assert client.get(url).status_code == 403
    client.force_login(central_user)
    assert client.get(url).status_code == 200


def test_api_permission_anonymous_401_other_role_403_allowed_200(api, rubric, provincial_user, central_user):
    url = reverse("api-standings", args=[rubric.year])
    assert api.get(url).status_code == 401
    api.force_authenticate(provincial_user)
    assert api.get(url).status_code == 403
    api.force_authenticate(central_user)
    assert api.get(url).status_code == 200
