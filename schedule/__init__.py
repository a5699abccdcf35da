"""The one schedule of what is owed, by whom, by when: every page, export, rule, reminder and feed
that says a due date or whether it was met asks `schedule.selectors` (docs/schedule.md). A criterion's page,
where its deadline is moved, is `deadline_views.py`."""
