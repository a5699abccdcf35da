"""Who someone is in the portal: roles (`Role`), a user's `Membership` (role and office), committee `Conflict`s of
interest, and lists of people (`directory.py`). Builds on core only: it names `contests.Unit` in its foreign keys by
the lazy string, never an import, and hands the actor its ids (`people.selectors`, read by `contests.actor` alone)."""
