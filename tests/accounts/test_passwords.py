"""The minimum password length in the page's digits (accounts/passwords.py)."""

import pytest
from django.contrib.auth.password_validation import password_validators_help_texts, validate_password
from django.core.exceptions import ValidationError
from django.utils import translation


def test_a_thai_page_says_the_length_in_thai_digits():
    with translation.override("th"):
        assert "รหัสผ่านต้องมีอย่างน้อย ๘ ตัวอักษร" in password_validators_help_texts()
        with pytest.raises(ValidationError) as refused:
            validate_password("ก7ข")
        assert "รหัสผ่านนี้สั้นเกินไป ต้องมีอย่างน้อย ๘ ตัวอักษร" in refused.value.messages


def test_an_english_page_keeps_djangos_words():
    with translation.override("en"):
        assert "Your password must contain at least 8 characters." in password_validators_help_texts()
