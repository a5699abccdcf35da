from tests.submissions.media import media_root  # noqa: F401
