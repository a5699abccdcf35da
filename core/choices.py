"""Choices of Thai names in Thai dictionary order (core.thai.thai_sorted), whatever the query's order."""

from __future__ import annotations

from django import forms

from .thai import thai_sorted


class ThaiOrderChoices(forms.models.ModelChoiceIterator):
    def __iter__(self):
        choices = iter(super().__iter__())
        if self.field.empty_label is not None:
            yield next(choices)
        yield from thai_sorted(choices, key=lambda choice: str(choice[1]))


class ThaiNameChoiceField(forms.ModelChoiceField):
    """A select of provinces or units by their labels, ก–ฮ (the 76 provinces, or a contest's entrants)."""

    iterator = ThaiOrderChoices
