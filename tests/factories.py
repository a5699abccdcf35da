import factory
from django.contrib.auth import get_user_model

from people.models import Membership, Role

PASSWORD = "test-pass-2566"


class UserFactory(factory.django.DjangoModelFactory):
    """UserFactory(role=Role.PROVINCIAL, role__province=province)."""

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, province=None, **kwargs):
        if extracted:
            Membership.objects.create(user=self, role=extracted, province=province)
        self.is_staff = extracted in (Role.CENTRAL, Role.COMMITTEE, Role.CHAIR)
        self.save()
