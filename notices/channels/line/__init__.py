"""LINE as a notices channel, in one folder (docs/line.md): `client` the one door to LINE's Messaging API (pushes
with a retry key, replies, the month's quota), `channel` the `Channel` the outbox sends through, `linking` an
account linked by a one-time code, `webhook` the signed events LINE posts; `views`, `urls`, `forms`, `templates/`
and `static/` the LINE box on "บัญชีของฉัน" and the webhook's address; `selectors` what the pages read; `models`
the link, the live code and the month's count (models of the notices app); `hooks` where accounts records and
confirms what is its own (the audit, the owner's password or code)."""
