"""Form fields that read dates the one way the product reads them (rulebook.dates, decision 11)."""

from __future__ import annotations

from datetime import date

from django import forms
from django.core.exceptions import ValidationError

from core.i18n import either
from core.thai import thai_date
from rulebook.dates import DateInputError, parse_date


class ThaiDateInput(forms.TextInput):
    """A text box, not the browser's date picker: offices type 31/07/2566 and see it back in B.E."""

    def __init__(self, attrs=None):
        super().__init__({"placeholder": "เช่น 31/07/2566 หรือ 2023-07-31", "size": 14, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, date):
            return thai_date(value, short=True, digits=False)
        return super().format_value(value)


class ThaiDateField(forms.DateField):
    widget = ThaiDateInput

    def __init__(self, *, window: tuple[date, date] | None = None, **kwargs):
        self.window = window
        kwargs.pop("input_formats", None)
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, date):
            return value
        try:
            return parse_date(str(value), window=self.window)
        except DateInputError as error:
            raise ValidationError(either(error.th, error.en), code="invalid") from error
