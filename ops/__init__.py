"""Operations on top of everything: backup and restore, health and metrics, retention, next year, `bootstrap` and the
demo's logins (`demo.py`).

The navigation bar of every role (`navigation.py`, `{% portal_nav %}`); help for each role (`help.py`, `/help/`) and
whom to call: central staff's contacts (`SiteContact`, one row, read through the cache by `contacts.py` for the help
page and the error pages) and each office contest's own (`ContestContact`, set by its organiser), both set on
`/help/contacts/` (central's dashboard and an organiser's contest dashboard ask for them until set:
`contacts.contacts_prompt`, through `schedule.hooks.dashboard_prompts`). The help page names, per contest the
person takes part in, the desk that answers for it (`contacts.desks`: central staff for the portal and the
national contest)."""
