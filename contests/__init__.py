"""The contest domain (docs/contests.md): the administrative units (`Unit`, every level, their data in
`contests/data/`), the tree of what lies under a unit (`tree.py`), `Contest` (organiser, entrants, how periods
combine), codes and regions, a video's length; and the lock: who may do what (`actor.py`) and the `rules` predicates
over it (`permissions.py`, with the one act about seeing a unit in a contest, `contests.see_unit`), and the entry
the acts about an office's part in a contest are asked about (`entries.py`). Builds on people and core; every app
above reads it."""
