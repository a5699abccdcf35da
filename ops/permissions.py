from contests.permissions import is_central, is_own_office, runs_contest
from core.acts import declare

declare("ops.view_status", is_central)
declare("ops.open_next_year", is_central, second_factor=True, about="open next year from this year's contest")
# An office's own records over the years (its year-on-year figures, the ZIP of its evidence): its own staff
# and central staff; narrower than seeing the unit (contests.see_unit): a committee member has the committee's
# screens, where conflicts of interest are enforced, and an organiser the contests it runs.
declare("ops.view_office_records", is_own_office | is_central)
# Whom to call: central staff set the help desk's contacts; whoever runs an office's contest sets its own.
declare("ops.set_contacts", is_central)
declare("ops.set_contest_contacts", runs_contest)
