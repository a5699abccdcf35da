"""The contest domain (docs/contests.md): the administrative units (`Unit`, every level, their data in
`contests/data/`), the tree of what lies under a unit (`tree.py`), `Contest` (organiser, entrants, how periods
combine), codes and regions (and ranking within each region, `region_ranking.py`), a video's length, the pieces
every app's admin is built from (`admin/`: access by role, read-only inlines, B.E. dates, links the viewer may
open) and the form field that reads a date (`date_fields.py`); and the lock: who may do what (`actor.py`) and the
`rules` predicates over it (`permissions.py`, with the one act about seeing a unit in a contest,
`contests.see_unit`), and the entry the acts about an office's part in a contest are asked about (`entries.py`).
Builds on people and core; every app above reads it."""
