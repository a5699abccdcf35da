"""Django's minimum password length, its number in the page's digits: a Thai page reads "อย่างน้อย ๘ ตัวอักษร"
(Django formats it with %d, which a translation cannot turn into Thai digits)."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import get_language

from core.thai import thai_digits


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return self._in_page_digits(super().get_error_message())

    def get_help_text(self) -> str:
        return self._in_page_digits(super().get_help_text())

    def _in_page_digits(self, text: str) -> str:
        if (get_language() or "th").startswith("en"):
            return text
        return text.replace(str(self.min_length), thai_digits(self.min_length))
