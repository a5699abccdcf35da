"""A second, independent OpenID provider standing in for ThaID in the tests: the Python library pyop (its own
OpenID Connect implementation, on oic and pyjwkest; the npm stand-in is oidc-provider on jose) served by the
standard library's WSGI server, with the same ThaID-like claims (`pid`, Thai names, `acr` AAL1 for a PIN and AAL2.1
for a face scan), PKCE, RS256 keys that rotate, RP-initiated logout, and the same controls as
tests/oidc_standin/server.mjs (POST /__configure, /__rotate, /__behave, /__discovery, /__strict_logout).

python tests/oidc_pyop/server.py  prints `READY <port> <client id> <client secret>` once it listens on 127.0.0.1."""

from __future__ import annotations

import base64
import json
import secrets
import sys
import time
from http.cookies import SimpleCookie
from socketserver import ThreadingMixIn
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from Cryptodome.PublicKey import RSA
from jwkest.jwk import RSAKey
from jwkest.jws import JWS
from oic.oic.message import EndSessionRequest
from pyop.authz_state import AuthorizationState
from pyop.exceptions import InvalidAuthenticationRequest, InvalidClientAuthentication, OAuthError
from pyop.provider import Provider
from pyop.subject_identifier import HashBasedSubjectIdentifierFactory
from pyop.userinfo import Userinfo

CLIENT_ID, CLIENT_SECRET = "cdd4-portal", "pyop-client-secret"
PEOPLE = {
    "1101700203451": {"given_name": "สมหญิง", "family_name": "ใจดี"},
    "3100600123457": {"given_name": "สมชาย", "family_name": "รักชาติ"},
    "1209900012343": {"given_name": "มานี", "family_name": "มีนา"},
}
ACR = ("AAL1", "AAL2.1")
SCOPES = {"pid": ["pid"], "given_name": ["given_name"], "family_name": ["family_name"]}


def _key(kid: str) -> RSAKey:
    return RSAKey(key=RSA.generate(2048), alg="RS256", use="sig", kid=kid)


class Threaded(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class Quiet(WSGIRequestHandler):
    def log_message(self, *args) -> None:  # the tests read stdout for READY only
        pass


class StandIn:
    def __init__(self, issuer: str):
        self.issuer = issuer
        self.keys = {"first": _key("pyop-1"), "second": _key("pyop-2")}
        self.unknown = _key("never-published")
        self.published = [self.keys["first"]]
        self.behaviour, self.discovered, self.strict_logout = "", {}, False
        self.slow_seconds, self.last_nonce = 0.0, None
        self.sessions: dict[str, str] = {}  # the browser's session cookie → the person signed in
        self.pending: dict[str, str] = {}  # an interaction → its authentication request
        self.acr: dict[str, str] = {}  # the person → how they signed in last
        self.clients = {
            CLIENT_ID: {
                "client_secret": CLIENT_SECRET,
                "redirect_uris": ["http://testserver/"],
                "post_logout_redirect_uris": ["http://testserver/"],
                "response_types": ["code"],
                "token_endpoint_auth_method": "client_secret_basic",
            }
        }
        self.provider = self._provider()

    def _provider(self) -> Provider:
        configuration = {
            "issuer": self.issuer.replace("http://", "https://"),  # oic checks the issuer is HTTPS: set below
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "end_session_endpoint": f"{self.issuer}/session/end",
            "scopes_supported": ["openid"],
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code"],
            "subject_types_supported": ["public"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic"],
            "code_challenge_methods_supported": ["S256"],
            "acr_values_supported": list(ACR),
        }
        users = Userinfo({pid: {"sub": f"thaid-{pid}", **names} for pid, names in PEOPLE.items()})
        authz = AuthorizationState(HashBasedSubjectIdentifierFactory("pyop-salt"))
        provider = Provider(self.published[0], configuration, authz, self.clients, users, id_token_lifetime=600,
                            extra_scopes=SCOPES)  # fmt: skip
        provider.configuration_information["issuer"] = self.issuer  # plain HTTP on 127.0.0.1, as the npm one
        return provider

    def claims_of(self, user_id: str, client_id: str) -> dict:
        """What ThaID puts in its ID token besides the standard claims."""
        acr = self.acr.get(user_id, "AAL1")
        return {"pid": user_id, **PEOPLE[user_id], "acr": acr, "amr": ["pin"] if acr == "AAL1" else ["face"]}

    # --- the browser's pages ---

    def authorize(self, environ, query: str):
        try:
            request = self.provider.parse_authentication_request(query)
        except InvalidAuthenticationRequest as error:
            return 400, {}, f"invalid request: {error}"
        signed_in = self.sessions.get(_cookie(environ, "pyop_session"))
        if signed_in:
            return self._answer(request, signed_in, {})
        uid = secrets.token_urlsafe(12)
        self.pending[uid] = query
        return 302, {"Location": f"/interaction/{uid}"}, ""

    def interaction(self, environ, uid: str, form: dict):
        if uid not in self.pending:
            return 404, {}, "no such interaction"
        if environ["REQUEST_METHOD"] == "GET":
            return (
                200,
                {"Content-Type": "text/html; charset=utf-8"},
                _page(
                    f'<form method="post" action="/interaction/{uid}/login">'
                    '<label for="pid">เลขประจำตัวประชาชน</label> <input id="pid" name="pid" inputmode="numeric">'
                    "<fieldset><legend>วิธียืนยันตัวตน</legend>"
                    '<label><input type="radio" name="acr" value="AAL1" checked> รหัส PIN</label>'
                    '<label><input type="radio" name="acr" value="AAL2.1"> สแกนใบหน้า</label></fieldset>'
                    '<button type="submit">เข้าสู่ระบบ</button></form>'
                ),
            )
        pid = form.get("pid", "")
        if pid not in PEOPLE:
            return 400, {"Content-Type": "text/html; charset=utf-8"}, _page("<p>ไม่พบผู้ใช้</p>")
        self.acr[pid] = form.get("acr") if form.get("acr") in ACR else "AAL1"
        request = self.provider.parse_authentication_request(self.pending.pop(uid))
        session = secrets.token_urlsafe(16)
        self.sessions[session] = pid
        return self._answer(request, pid, {"Set-Cookie": f"pyop_session={session}; Path=/; HttpOnly"})

    def _answer(self, request, pid: str, headers: dict):
        response = self.provider.authorize(request, pid)
        return 302, {**headers, "Location": response.request(request["redirect_uri"])}, ""

    def logout(self, environ, query: str):
        request = EndSessionRequest().deserialize(query, "urlencoded")
        if self.strict_logout and "id_token_hint" not in request:
            return 400, {}, "id_token_hint required"
        session = _cookie(environ, "pyop_session")
        self.sessions.pop(session, None)
        if "id_token_hint" in request:
            self.provider.logout_user(end_session_request=request)
        back = self.provider.do_post_logout_redirect(request)
        if back is None:
            return 200, {"Content-Type": "text/html; charset=utf-8"}, _page("<p>ออกจากระบบแล้ว</p>")
        return 302, {"Location": back, "Set-Cookie": "pyop_session=; Path=/; Max-Age=0"}, ""

    # --- the portal's calls ---

    def token(self, environ, body: str):
        headers = {"Authorization": environ.get("HTTP_AUTHORIZATION", "")}
        try:
            answer = self.provider.handle_token_request(body, headers, extra_id_token_claims=self.claims_of)
        except InvalidClientAuthentication as error:
            return 401, {"Content-Type": "application/json"}, json.dumps({"error": "invalid_client", "x": str(error)})
        except OAuthError as error:
            return 400, {"Content-Type": "application/json"}, json.dumps({"error": error.oauth_error})
        answer = answer.to_dict()
        answer["id_token"] = self._misbehave(answer["id_token"])
        return 200, {"Content-Type": "application/json", "Cache-Control": "no-store"}, json.dumps(answer)

    def _misbehave(self, id_token: str) -> str:
        mode, self.behaviour = self.behaviour, ""
        claims = json.loads(_unb64(id_token.split(".")[1]))
        used_nonce, self.last_nonce = self.last_nonce, claims.get("nonce")
        now = int(time.time())
        changed = {
            "wrong_aud": {"aud": "another-portal"},
            "wrong_iss": {"iss": "http://127.0.0.1:1/not-the-issuer"},
            "expired": {"iat": now - 7200, "exp": now - 3600},
            "old_nonce": {"nonce": used_nonce},
        }.get(mode)
        if changed is not None:
            return _signed({**claims, **changed}, self.published[0])
        if mode == "unsigned":
            return f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."
        if mode == "unknown_key":
            return _signed(claims, self.unknown)
        if mode == "slow":
            time.sleep(self.slow_seconds)
        return id_token

    def discovery(self) -> dict:
        return {**self.provider.provider_configuration.to_dict(), **self.discovered}

    def jwks(self) -> dict:
        return {"keys": [key.serialize() for key in self.published]}

    def control(self, path: str, body: dict) -> None:
        if path == "/__configure":
            self.clients[CLIENT_ID].update(body)
            self.discovered, self.strict_logout = {}, False
        elif path == "/__rotate":
            self.published = [self.keys["second"], self.keys["first"]]
            self.provider.signing_key = self.published[0]
        elif path == "/__behave":
            self.behaviour, self.slow_seconds = body.get("mode", ""), body.get("seconds", 0)
        elif path == "/__discovery":
            self.discovered = body
        elif path == "/__strict_logout":
            self.strict_logout = True

    def __call__(self, environ, start_response):
        path, method = environ["PATH_INFO"], environ["REQUEST_METHOD"]
        query = environ.get("QUERY_STRING", "")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length).decode() if length else ""
        if method == "POST" and path.startswith("/__"):
            self.control(path, json.loads(body or "{}"))
            status, headers, text = 204, {}, ""
        elif path == "/.well-known/openid-configuration":
            status, headers, text = 200, {"Content-Type": "application/json"}, json.dumps(self.discovery())
        elif path == "/jwks":
            status, headers, text = 200, {"Content-Type": "application/json"}, json.dumps(self.jwks())
        elif path == "/authorize":
            status, headers, text = self.authorize(environ, query)
        elif path.startswith("/interaction/"):
            form = {k: v[0] for k, v in parse_qs(body).items()}
            status, headers, text = self.interaction(environ, path.split("/")[2], form)
        elif path == "/token" and method == "POST":
            status, headers, text = self.token(environ, body)
        elif path == "/session/end":
            status, headers, text = self.logout(environ, query)
        else:
            status, headers, text = 404, {}, "not found"
        reason = {200: "OK", 204: "No Content", 302: "Found", 400: "Bad Request", 401: "Unauthorized"}.get(status, "")
        start_response(f"{status} {reason or 'Not Found'}", list(headers.items()))
        return [text.encode()]


def _cookie(environ, name: str) -> str:
    cookie = SimpleCookie(environ.get("HTTP_COOKIE", ""))
    return cookie[name].value if name in cookie else ""


def _page(body: str) -> str:
    return (
        '<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ThaID (จำลอง)</title></head>'
        f"<body><main><h1>ThaID (จำลอง)</h1>{body}</main></body></html>"
    )


def _b64(value: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signed(claims: dict, key: RSAKey) -> str:
    return JWS(json.dumps(claims), alg="RS256", kid=key.kid).sign_compact([key])


def main() -> None:
    server = make_server("127.0.0.1", 0, lambda e, s: app(e, s), server_class=Threaded, handler_class=Quiet)
    port = server.server_address[1]
    app = StandIn(f"http://127.0.0.1:{port}")
    sys.stdout.write(f"READY {port} {CLIENT_ID} {CLIENT_SECRET}\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
