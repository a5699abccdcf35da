import rules

from contests.permissions import is_central, is_own_province

rules.add_perm("ops.view_status", is_central)
rules.add_perm("ops.open_next_year", is_central)
# A province's own figures and files: its own staff and central staff (a committee member has the
# committee's screens, where conflicts of interest are enforced).
rules.add_perm("ops.view_province", is_own_province | is_central)
