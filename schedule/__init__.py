"""The one schedule of what is owed, by whom, by when: every page, export, rule, reminder and feed
that says a due date or whether it was met asks `schedule.selectors` (docs/schedule.md). Its pages: central's
dashboard, led by who is late (`dashboard_views.py`, its reads `dashboard.py`), who has not sent by name with
the button that reminds them (`missing_views.py`), and a criterion's page, where its deadline is moved
(`deadline_views.py`)."""
