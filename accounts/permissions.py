"""Who makes, changes and closes accounts, and makes API tokens: the acts of accounts (core.acts), each asked
of the lock (accounts.account_rights over contests.actor) and each with a second factor confirmed first."""

import rules

from contests.actor import actor_of
from contests.permissions import is_central
from core.acts import declare

from . import account_rights


@rules.predicate
def provisions_accounts(user) -> bool:
    """Central staff, and an office's organisers for the offices under it."""
    return account_rights.provisions(actor_of(user))


declare("accounts.provision", provisions_accounts, second_factor=True, about="make or change accounts from the sheet")
declare("accounts.close_unused", is_central, second_factor=True, about="close accounts never used")
declare(
    "accounts.user_admin",
    is_central,
    second_factor=True,
    about="add or change an account in the user admin (close, reopen, invite, turn off a second factor)",
)
declare("accounts.api_token", is_central, second_factor=True, about="make an API token")
declare("accounts.view_audit", is_central)
