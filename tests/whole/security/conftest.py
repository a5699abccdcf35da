from tests.security.media import media_root  # noqa: F401  (each test its own files and cache, as tests/security's)
