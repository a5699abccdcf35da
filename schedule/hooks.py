"""Where the apps built on the schedule feed it, without the schedule importing them (registered in their ready())."""

from core.hooks import Hook

# rubric → a queryset of the contest's named people whose rows carry `unit_id` and `submitted_at` (nominees: its
# active nominees). A criterion a nominee answers is met by its entrant's nominee, on the day it was named
# (schedule.sendings); the schedule reads them as it reads evidence, in the database.
nominated_sources = Hook("schedule.nominated_sources")

# (actor, today=) → the obligations of a person that an app built on the schedule keeps (stages: their office's
# picks, and the files their office's picks owe), listed by schedule.selectors.person_obligations with the rest.
person_owed = Hook("schedule.person_owed")

# today → the reminders due today of those obligations (notices.reminders_told.Due; stages: each picking office's
# picks), recorded by schedule.reminders.reminders_send with the rest.
reminders_owed = Hook("schedule.reminders_owed")

# (user, rubric) → a line at the top of a contest's dashboard that asks whoever runs it for something, as HTML, or a
# blank (ops: the contest's contacts, until they are set).
dashboard_prompts = Hook("schedule.dashboard_prompts")
