"""Signing in with the government's digital ID (DOPA's ThaID, DGA's Digital ID): OpenID Connect providers the
portal is registered with as a relying party (docs/accounts.md, "ThaID / Digital ID").

`providers` reads the configured providers and makes each one's Authlib client (discovery, PKCE, state, nonce,
the ID token's signature against the provider's JWKS with its keys' rotation, issuer, audience, expiry, clock
skew); `services` links a person's identity to their account (only by that person: from a signed-in session, or
accepting their invitation), signs a linked identity in, lets a sign-in the provider vouched for at the set
assurance level stand for the second factor, and unlinks; `views` and `urls` are the pages. The citizen ID is
never stored, shown or logged: an HMAC of it is (`providers.citizen_hash`)."""
