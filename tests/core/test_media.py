from core.media import media_file, resolve_under


def test_resolve_under_keeps_names_inside_and_refuses_every_way_out(tmp_path):
    root = tmp_path.resolve() / "media"
    (root / "evidence").mkdir(parents=True)
    (root / "evidence" / "out").symlink_to(tmp_path)
    (root / "loop").symlink_to(root / "loop")

    assert resolve_under(root, "evidence/2566/a.pdf") == root / "evidence" / "2566" / "a.pdf"
    assert resolve_under(root, "evidence/../b.pdf") == root / "b.pdf"
    refused = ["", ".", "..", "../media2/x", "/etc/passwd", "evidence/out/x", "loop/x", "a\x00b"]
    assert [name for name in refused if resolve_under(root, name) is not None] == []


def test_media_file_logs_a_refused_name(settings, tmp_path, caplog):
    settings.MEDIA_ROOT = tmp_path.resolve() / "media"

    assert media_file("../../cdd4/settings.py") is None
    assert media_file("evidence/a.pdf") == settings.MEDIA_ROOT / "evidence" / "a.pdf"
    assert caplog.messages == ["stored file name outside the media folder refused: '../../cdd4/settings.py'"]
