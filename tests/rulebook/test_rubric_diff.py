"""What a change to a contest's rules changed (rulebook.diff): plain Python, no database."""

import copy
import json

from rulebook.diff import contest_diff, diff_lines, dropped_codes, is_empty, rubric_diff

SEED_001 = json.loads(open("rubrics/rubric_files/chonburi-web-2564.json", encoding="utf-8").read())


def _snap(data, periods=("",), entrants=("2001",)):
    block = {"name_th": "ประกวดเว็บ", "entrant_level": "district", "combine": "single", "entrants": list(entrants)}
    return {"contest": block, "rubrics": {p: data for p in periods}}


def _criterion(data, code):
    return next(c for d in data["dimensions"] for c in d["criteria"] if c["code"] == code)


def test_the_same_rubric_is_no_change_even_written_differently():
    same = copy.deepcopy(SEED_001)
    _criterion(same, "1.1")["max_points"] = "20.00"  # as the database gives it back
    same["rounding"] = None  # absent and empty read the same
    assert is_empty(rubric_diff(SEED_001, same))
    assert is_empty(contest_diff(_snap(SEED_001), _snap(same)))


def test_points_deadline_rule_kind_and_parameters_each_named():
    new = copy.deepcopy(SEED_001)
    c = _criterion(new, "1.1")
    c["max_points"] = "25"
    c["deadline"] = "2021-07-20"
    c["rule"] = {"kind": "done", "points": "25"}
    diff = rubric_diff(SEED_001, new)
    changed = diff["criteria"]["changed"]
    assert [x["code"] for x in changed] == ["1.1"]
    fields = [(f["field"], f.get("parameter")) for f in changed[0]["fields"]]
    old_params = sorted(set(_criterion(SEED_001, "1.1")["rule"]) - {"kind"})
    assert fields == [
        ("max_points", None),
        ("deadline", None),
        ("rule_kind", None),
        *sorted([("rule", p) for p in {*old_params, "points"}], key=lambda f: f[1]),
    ]
    lines = diff_lines({"contest": [], "entrants": {}, "periods": [{"period": "", **diff}]})
    assert lines[:4] == [
        "ตัวชี้วัด ๑ คะแนนเต็ม: 20 → 25",  # the document's number first
        "ตัวชี้วัด ๑ กำหนดส่ง: – → ๒๐ ก.ค. ๒๕๖๔",
        "ตัวชี้วัด ๑ วิธีให้คะแนน: points → done",
        "ตัวชี้วัด ๑ พารามิเตอร์ points: – → 25",
    ]


def test_criteria_and_dimensions_added_and_removed():
    new = copy.deepcopy(SEED_001)
    removed = new["dimensions"].pop()  # dimension 5 and its criterion 5.1
    new["dimensions"][0]["criteria"].append(
        {"code": "1.2", "number": "๑.๒", "name_th": "ใหม่", "max_points": "5", "rule": {"kind": "done"}}
    )
    new["dimensions"][0]["max_points"] = "25"
    diff = contest_diff(_snap(SEED_001), _snap(new))
    period = diff["periods"][0]
    assert period["criteria"]["added"] == [{"code": "1.2", "number": "๑.๒", "name_th": "ใหม่", "max_points": "5"}]
    assert [c["code"] for c in period["criteria"]["removed"]] == ["5.1"]
    assert [d["code"] for d in period["dimensions"]["removed"]] == [removed["code"]]
    assert period["dimensions"]["changed"][0]["fields"] == [{"field": "max_points", "old": "20", "new": "25"}]
    assert dropped_codes(diff) == ["5.1"]
    lines = diff_lines(diff)
    assert "เพิ่มตัวชี้วัด ๑.๒ ใหม่ (5 คะแนน)" in lines
    assert "มิติ 1 คะแนนเต็ม: 20 → 25" in lines
    name = _criterion(SEED_001, "5.1")["name_th"]
    assert f"นำตัวชี้วัดออก ๕ {name} (15 คะแนน)" in lines


def test_each_period_and_the_contest_block_are_compared():
    april = copy.deepcopy(SEED_001)
    _criterion(april, "2.1")["evidence_th"] = "หนังสือรับรอง"
    old = _snap(SEED_001, periods=("2568-04", "2568-05"), entrants=("3401", "3402"))
    new = _snap(SEED_001, periods=("2568-04", "2568-05"), entrants=("3401", "3403"))
    new["rubrics"] = {"2568-04": april, "2568-05": SEED_001, "2568-06": SEED_001}
    new["contest"]["combine"] = "mean"
    diff = contest_diff(old, new)
    assert [p["period"] for p in diff["periods"]] == ["2568-04", "2568-06"]
    assert diff["periods"][1] == {"period": "2568-06", "added": True, "removed": False}
    assert diff["entrants"] == {"added": ["3403"], "removed": ["3402"]}
    assert diff_lines(diff)[:4] == [
        "การรวมคะแนนรอบ: single → mean",
        "เพิ่มผู้เข้าประกวด 3403",
        "นำผู้เข้าประกวดออก 3402",
        "รอบ 2568-04: ตัวชี้วัด ๒ หลักฐาน: " + _criterion(SEED_001, "2.1")["evidence_th"][:79] + "… → หนังสือรับรอง",
    ]


def test_a_change_of_rounds_is_a_line_of_its_own_thai_first():
    old, new = copy.deepcopy(SEED_001), copy.deepcopy(SEED_001)
    _criterion(old, "1.1")["rounds"] = [{"label_th": "ครั้งที่ ๑", "label_en": "Report 1", "due": "2021-03-31"}]
    _criterion(new, "1.1")["rounds"] = [
        {"label_th": "ครั้งที่ ๑", "label_en": "Report 1", "due": "2021-04-30"},
        {"label_th": "รายเดือน", "label_en": "Monthly", "day": 15, "from": "2021-05", "to": "2021-07"},
    ]
    diff = rubric_diff(old, new)
    assert [f["field"] for f in diff["criteria"]["changed"][0]["fields"]] == ["rounds"]
    assert diff_lines({"contest": [], "entrants": {}, "periods": [{"period": "", **diff}]}) == [
        "ตัวชี้วัด ๑ รอบการส่ง: ครั้งที่ ๑ ๓๑ มี.ค. ๒๕๖๔ → ครั้งที่ ๑ ๓๐ เม.ย. ๒๕๖๔; รายเดือน วันที่ ๑๕ ของทุกเดือน"
        " ตั้งแต่ พ.ค. ๒๕๖๔ ถึง ก.ค. ๒๕๖๔"
    ]
    dropped = rubric_diff(old, SEED_001)
    assert diff_lines({"contest": [], "entrants": {}, "periods": [{"period": "", **dropped}]}) == [
        "ตัวชี้วัด ๑ รอบการส่ง: ครั้งที่ ๑ ๓๑ มี.ค. ๒๕๖๔ → –"
    ]
    assert is_empty(rubric_diff({**old}, copy.deepcopy(old)))
