"""Where the apps built on the schedule feed it, without the schedule importing them (registered in their ready())."""

from core.hooks import Hook

# rubric → a queryset of the contest's named people whose rows carry `unit_id` and `submitted_at` (nominees: its
# active nominees). A criterion a nominee answers is met by its entrant's nominee, on the day it was named
# (schedule.sendings); the schedule reads them as it reads evidence, in the database.
nominated_sources = Hook("schedule.nominated_sources")
