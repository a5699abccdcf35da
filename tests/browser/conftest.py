import pytest

from tests.browser_support import launch


@pytest.fixture
def browser(chromium, live_server, monkeypatch, settings, tmp_path):
    """Chromium on a live, bootstrapped server (a test module's own `browser` fixture wins over this one)."""
    yield from launch(chromium, live_server, monkeypatch, settings, tmp_path)
