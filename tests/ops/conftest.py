from tests.ops.portal import media_root, phuket_user, portal  # noqa: F401
