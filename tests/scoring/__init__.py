import json
from pathlib import Path
from typing import Any

# Tests read the rubric the portal ships (what bootstrap loads), never a copy that could drift from it.
SHIPPED_RUBRIC = Path(__file__).resolve().parents[2] / "rubrics" / "rubric_files" / "2566.json"
# The shipped rubric leaves these open: the Department sets them by letter during the year
# (`rubric_deadline 2566 2.1.2 12/04/2566`). Tests of timeliness use the dates it set in 2566.
LETTER_DEADLINES = {"2.1.2": "2023-04-12", "2.2.2": "2023-05-16"}


def shipped_rubric(*, letter_deadlines: bool = False) -> dict[str, Any]:
    """A fresh copy each call: tests that build an unusual rubric change their own copy."""
    data = json.loads(SHIPPED_RUBRIC.read_text(encoding="utf-8"))
    if letter_deadlines:
        for dimension in data["dimensions"]:
            for c in dimension["criteria"]:
                c["deadline"] = LETTER_DEADLINES.get(c["code"], c["deadline"])
    return data
