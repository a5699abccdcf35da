from pathlib import Path

from core import files
from core.files import resolve_under

ESCAPES = ["", ".", "..", "../x", "/etc/passwd", "evidence/../../x", "a\x00b", "a\\b"]


def test_resolve_under_keeps_names_inside_and_refuses_every_way_out(tmp_path):
    root = tmp_path.resolve() / "media"
    (root / "evidence").mkdir(parents=True)
    (root / "evidence" / "out").symlink_to(tmp_path)
    (root / "loop").symlink_to(root / "loop")

    assert resolve_under(root, "evidence/2566/a.pdf") == root / "evidence" / "2566" / "a.pdf"
    assert resolve_under(root, "evidence/../b.pdf") == root / "b.pdf"
    refused = ["", ".", "..", "../media2/x", "/etc/passwd", "evidence/out/x", "loop/x", "a\x00b"]
    assert [name for name in refused if resolve_under(root, name) is not None] == []


def test_a_name_out_of_the_media_folder_is_refused_and_logged(settings, tmp_path, caplog):
    settings.MEDIA_ROOT = tmp_path.resolve() / "media"

    assert files.safe_name("../../cdd4/settings.py") is None
    assert files.safe_name("evidence/2566/10/ab") == "evidence/2566/10/ab"
    assert caplog.messages == ["stored file name outside the store refused: '../../cdd4/settings.py'"]


def test_a_name_out_of_the_object_store_is_refused(settings):
    settings.CDD4_OBJECT_STORE = {"BACKEND": "core.storage.ObjectStorage"}  # only the name rules are asked

    refused = [name for name in ESCAPES if files.safe_name(name) is not None]

    assert (refused, files.safe_name("awards/certificate.pdf")) == ([], "awards/certificate.pdf")


def test_put_moves_the_file_in_and_serve_hands_it_to_nginx_or_streams_it(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    local = files.upload_tmp_dir() / "upload.part"
    local.write_bytes(b"%PDF-1.4 one")

    files.put("evidence/2569/10/ab", local)
    streamed = files.serve("evidence/2569/10/ab", content_type="application/pdf", disposition="attachment")
    settings.CDD4_X_ACCEL = True
    redirected = files.serve("evidence/2569/10/ab", content_type="application/pdf", disposition="attachment")

    assert not local.exists()
    assert (Path(settings.MEDIA_ROOT) / "evidence/2569/10/ab").stat().st_mode & 0o777 == 0o640
    assert b"".join(streamed.streaming_content) == b"%PDF-1.4 one"
    assert (redirected["X-Accel-Redirect"], redirected.content) == ("/protected-media/evidence/2569/10/ab", b"")
    assert [r["Cache-Control"] for r in (streamed, redirected)] == ["private, no-store"] * 2


def test_names_under_lists_every_stored_file_depth_first(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    for name in ["evidence/2569/10/b", "evidence/2569/10/a", "evidence/2569/20/c", "awards/x.pdf"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")

    assert list(files.names_under("evidence")) == ["evidence/2569/10/a", "evidence/2569/10/b", "evidence/2569/20/c"]
