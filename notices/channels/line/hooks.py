"""Where accounts, above notices, takes part in LINE's linking without LINE importing it (registered in
accounts' ready(), docs/architecture.md "hooks")."""

from core.hooks import Hook

# (user=, request=) → None: the account's LINE was linked, or unlinked (from its page, by LINE's webhook, when
# LINE says the person is gone, when their password or second factor changes): accounts records it in the
# account's audit (AccountEvent), as it records a sign-in.
linked = Hook("line.linked")
unlinked = Hook("line.unlinked")

# (request=, password=, token=) → None, raising PortalError (its `field` "password" or "token") unless whoever
# holds the session typed the account's password, or a current code where it has a second factor: asked before
# a link code is shown (accounts: second_factor.identity_confirm, each wrong answer counted and recorded).
# Unregistered, no code is shown.
owner_confirm = Hook("line.owner_confirm")

# user → whether the account has a second factor (its code is then offered beside the password): accounts.
second_factor_of = Hook("line.second_factor_of")

# (user=, event=) → str | None: a file the LINE user linked to `user` sent in their one-to-one chat (an image,
# a video, an audio clip, a file), and (user=, event=) → str | None: a button of a quick reply tapped
# (postback). Submissions keeps them as evidence through its upload service (submissions/line/); it answers
# in the chat itself. Unregistered, such a message is answered with how the portal is used.
content_sent = Hook("line.content_sent")
postback_sent = Hook("line.postback_sent")
