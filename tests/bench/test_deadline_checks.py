"""The deadline day's checker tells a 502 nginx answered for a killed web process from any other, by nginx's own
access log (which process it sent each request to), not by the clock alone."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("deadline_checks", ROOT / "bench" / "deadline_checks.py")
assert spec is not None and spec.loader is not None
checks = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checks)

KILLED_AT = 1_700_000_024.0


def access_log(tmp_path, lines: list[str]) -> dict:
    log = tmp_path / "access.log"
    log.write_text("".join(f"{line}\n" for line in lines))
    return {"ports": {"web": 8101, "web2": 8102}, "nginx_log": str(log)}


def test_a_502_sent_to_the_killed_process_after_its_kill_is_counted_with_the_kill(tmp_path):
    state = access_log(
        tmp_path,
        [
            f'{KILLED_AT + 0.09:.3f} 502 "127.0.0.1:8102" POST /provinces/TH-50/2566/1.1/',
            f'{KILLED_AT + 0.20:.3f} 502 "127.0.0.1:8101" POST /provinces/TH-51/2566/1.1/',
            f'{KILLED_AT + 0.30:.3f} 200 "127.0.0.1:8102, 127.0.0.1:8101" GET /standings/2566/',
            f'{KILLED_AT + 3.50:.3f} 502 "127.0.0.1:8102" POST /provinces/TH-52/2566/1.1/',
        ],
    )

    to_killed = checks.answered_for_killed(state, [("web2", KILLED_AT), ("worker", KILLED_AT + 10)])

    assert to_killed == [KILLED_AT + 0.09]
    assert checks.sent_to_killed((KILLED_AT + 0.07, 502, 25.0), to_killed)
    assert not checks.sent_to_killed((KILLED_AT + 0.19, 502, 15.0), to_killed)  # the live process's 502
    assert not checks.sent_to_killed((KILLED_AT + 0.07, 500, 25.0), to_killed)  # the portal's own error
