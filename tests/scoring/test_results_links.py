"""The organiser reaches its contest's award documents; the published results of a district
contest head their column "อำเภอ" and lead somewhere."""

import pytest
from django.urls import reverse

from contests.models import Unit
from people.models import Role
from scoring import snapshots
from scoring.models import StandingsSnapshot
from tests.factories import DistrictFactory, UserFactory, office_contest

pytestmark = pytest.mark.django_db


@pytest.fixture
def published():
    chonburi = Unit.objects.get(code="TH-20")
    rubric = office_contest("chonburi-web-2564", chonburi, DistrictFactory(parent=chonburi))
    organiser = UserFactory(role=Role.ORGANISER, role__unit=chonburi)
    snapshots.standings_freeze(user=organiser, rubric=rubric)
    frozen_at = StandingsSnapshot.objects.get(rubric=rubric).frozen_at.isoformat()
    snapshots.publication_publish(user=organiser, rubric=rubric, confirmed=True, previewed_frozen_at=frozen_at)
    return rubric, organiser


def test_the_organisers_dashboard_links_its_award_documents(client, published):
    rubric, organiser = published
    client.force_login(organiser)
    page = client.get(reverse("schedule:dashboard", args=[rubric.key])).content.decode()
    documents = reverse("awards:results", args=[rubric.key])
    assert f'href="{documents}" id="award-documents"' in page
    assert client.get(documents).status_code == 200


def test_published_district_results_speak_of_districts_and_lead_on(client, published):
    rubric, organiser = published
    url = reverse("scoring:results", args=[rubric.key])
    public = client.get(url).content.decode()
    assert "<th>อำเภอ</th>" in public and "<th>จังหวัด" not in public and "district</th>" not in public
    assert f'href="{reverse("submissions:home")}"' in public
    assert reverse("awards:results", args=[rubric.key]) not in public  # the public gets no organiser's links
    client.force_login(organiser)
    mine = client.get(url).content.decode()
    assert f'href="{reverse("awards:results", args=[rubric.key])}"' in mine
    assert f'href="{reverse("schedule:dashboard", args=[rubric.key])}"' in mine
