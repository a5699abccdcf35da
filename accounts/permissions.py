"""Who may make accounts from a sheet and close unused ones: asked of the lock (contests.permissions)."""

import rules

from contests.permissions import is_central, provisions_accounts

rules.add_perm("accounts.provision", provisions_accounts)
rules.add_perm("accounts.close_unused", is_central)
rules.add_perm("accounts.view_audit", is_central)
