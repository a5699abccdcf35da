"""Rebuilds units.csv from the three CSV files of kongvut/thai-province-data (see UNITS-SOURCE.md).

    python contests/data/make_units.py <checkout>/formats/csv

Only the data comes in: DOPA code, Thai name, English name. Level and parent follow from the code's length
and prefix (2 = province, 4 = district, 6 = subdistrict), so the file carries no other column.
"""

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "units.csv"
# Two rows in districts.csv are municipalities (เทศบาล), not districts: no subdistrict points at them.
NOT_A_DISTRICT = "ท้องถิ่นเทศบาล"


def _clean(name: str) -> str:
    # The source marks a few English names with a stray "*" or "(" and doubles some spaces.
    return re.sub(r"\s+", " ", name).strip().lstrip("*(").strip()


def _read(folder: Path, name: str) -> list[dict]:
    with (folder / name).open(encoding="utf-8-sig", newline="") as fh:
        return [row for row in csv.DictReader(fh) if not row.get("deleted_at")]


def build(folder: Path) -> list[tuple[str, str, str]]:
    units = _read(folder, "provinces.csv")
    districts = _read(folder, "districts.csv")
    subdistricts = _read(folder, "sub_districts.csv")
    used = {s["district_id"] for s in subdistricts}
    districts = [d for d in districts if not (d["name_th"].startswith(NOT_A_DISTRICT) and d["id"] not in used)]
    # The source numbers provinces 1..77; the DOPA code is the first two digits of their districts' codes.
    dopa = {d["province_id"]: d["id"][:2] for d in districts}
    rows = [(dopa[p["id"]], p["name_th"], p["name_en"]) for p in units]
    rows += [(d["id"], d["name_th"], d["name_en"]) for d in districts]
    rows += [(s["id"], s["name_th"], s["name_en"]) for s in subdistricts]
    rows = [(code, _clean(th), _clean(en)) for code, th, en in rows]
    codes = {code for code, _, _ in rows}
    orphans = [code for code, _, _ in rows if len(code) > 2 and code[:-2] not in codes]
    if orphans:
        raise SystemExit(f"codes without a parent: {orphans[:10]}")
    return sorted(rows)


def main() -> None:
    rows = build(Path(sys.argv[1]))
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["dopa_code", "name_th", "name_en"])
        writer.writerows(rows)
    print(f"{OUT}: {len(rows)} units")


if __name__ == "__main__":
    main()
