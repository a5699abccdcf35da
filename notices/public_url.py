from django.conf import settings


def absolute(path: str) -> str:
    """A portal path as the people it is sent to reach it (CDD4_PUBLIC_URL)."""
    return settings.CDD4_PUBLIC_URL.rstrip("/") + (path or "/notices/")
