"""A contest's rules as stored and changed: a rubric file read whole (`contest_spec.py`), loading and saving rubrics,
opening a draft, the award minimum (`services.py`), the one door for a change of rules (`revisions.py`) and its
pages (`revision_views.py`), a criterion's deadline moved (`timetable.py`, with the holidays), its letter
(`letters.py`), the boxes of a move (`move_form.py`) and the criterion's page (`deadline_views.py`); reads of a
rubric, parsed and cached, and of the calendar its deadlines are read by (`selectors.py`). Its models
(`models.py`): a rubric with its dimensions, criteria and award tiers, the audit of its changes and the calendar's
holiday overrides, kept in the tables scoring made for them; URLs under `scoring:`."""
