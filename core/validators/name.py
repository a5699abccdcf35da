"""The form's side of core.names: a Django validator for every box that takes a name reaching a header."""

from django.core.exceptions import ValidationError

from core.names import NAME_REFUSAL, has_control

# The model fields that hold such a name, wherever a form edits them (the admin's, through RoleAccess).
NAME_FIELDS = frozenset(
    {
        "name_th",
        "name_en",
        "first_name",
        "last_name",
        "signer_name",
        "label_th",
        "label_en",
        "period_name_th",
        "period_name_en",
    }
)


def validate_name(value: object) -> None:
    if isinstance(value, str) and has_control(value):
        raise ValidationError(NAME_REFUSAL, code="control")
