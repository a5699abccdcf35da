"""`bench/report.py` writes the figures of the last `make bench` as the head of bench/RESULTS.md and keeps the
sections people wrote below it."""

import datetime
import importlib.util
from pathlib import Path

from django.conf import settings

spec = importlib.util.spec_from_file_location("bench_report", Path(settings.BASE_DIR) / "bench" / "report.py")
report = importlib.util.module_from_spec(spec)
spec.loader.exec_module(report)

WHEN = datetime.datetime(2026, 11, 28, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=7), "ICT"))


def test_the_report_replaces_its_head_and_keeps_the_written_sections(tmp_path):
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "recompute.log").write_text("warming up\nRESULT recompute_sqlite_ms=41.2 ms <=50\n", encoding="utf-8")
    results = tmp_path / "RESULTS.md"
    written = "## An A/B by hand\n\nLoad 0.4; 61 ms against 75 ms.\n"
    results.write_text("# old head\n\n| old | table |\n\n" + written, encoding="utf-8")

    report.write(results, logs, WHEN)

    text = results.read_text(encoding="utf-8")
    head, _, rest = text.partition("\n## ")
    assert "| recompute | `recompute_sqlite_ms` | 41.2 | ms | <=50 | ✅ ผ่าน / met |" in head.splitlines()
    assert "old head" not in text
    assert "## " + rest == written


def test_a_first_report_is_the_head_alone(tmp_path):
    results = tmp_path / "RESULTS.md"

    report.write(results, tmp_path, WHEN)

    assert "\n## " not in results.read_text(encoding="utf-8")
