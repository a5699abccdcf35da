"""The refusal every upload check raises: a reason the user can read (Thai first) and its HTTP status."""

from __future__ import annotations


class UploadRefused(ValueError):
    """A refusal the user can read (Thai first) and the HTTP status it is answered with."""

    def __init__(self, th: str, en: str, *, too_big: bool = False, status: int | None = None):
        self.th, self.en, self.too_big = th, en, too_big
        self.status = status or (413 if too_big else 400)
        super().__init__(f"{th} / {en}")
