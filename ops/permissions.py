from contests.permissions import is_central, is_own_office
from core.acts import declare

declare("ops.view_status", is_central)
declare("ops.open_next_year", is_central, second_factor=True, about="open next year from this year's contest")
# A province's own figures and files: its own staff and central staff (a committee member has the
# committee's screens, where conflicts of interest are enforced).
declare("ops.view_province", is_own_office | is_central)
