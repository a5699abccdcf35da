"""A fragmented video, made by ffmpeg, lasts as long as ffprobe counts its pictures."""

import subprocess
from decimal import Decimal

from contests.media import video_seconds
from tests.stages.stage_support import needs_ffprobe


@needs_ffprobe
def test_a_video_in_fragments_lasts_until_its_last_picture(tmp_path):
    """A fragmented MP4 has no sample table in its movie box (and headers that say 0): ffprobe's packets count."""
    path = tmp_path / "clip.mp4"
    source = "color=c=black:s=16x16:r=2:d=3"
    flags = ["-c:v", "mpeg4", "-movflags", "frag_keyframe+empty_moov"]
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", source, *flags, str(path)], check=True, timeout=60)
    assert video_seconds(str(path)) == Decimal("3.00")
