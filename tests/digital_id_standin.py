"""Real OpenID providers standing in for ThaID in the tests, two independent implementations: the certified npm
package oidc-provider (tests/oidc_standin/server.mjs) and the Python library pyop (tests/oidc_pyop/server.py), each
on 127.0.0.1 (a free port) with ThaID-like claims (`pid`, Thai names, `acr` AAL1 for a PIN and AAL2.1 for a face
scan), two RS256 keys and the same controls. `OpenIdStandIn` starts one, signs a person in on its page as a browser
would (`sign_in`), signs them out (`sign_out`), and tells it to rotate its key, to misbehave once, to list other
algorithms in its discovery or to sign out only with the ID token as its hint. `openid_provider` runs a test module
against each."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

FOLDER = Path(__file__).resolve().parent / "oidc_standin"
# Each implementation: how it starts, and where.
IMPLEMENTATIONS = {
    "oidc-provider": (["node", "server.mjs"], FOLDER),
    "pyop": ([sys.executable, "server.py"], FOLDER.parent / "oidc_pyop"),
}
# Citizen IDs the stand-in knows (its PEOPLE), with the names it gives.
SOMYING, SOMCHAI, MANEE = "1101700203451", "3100600123457", "1209900012343"


@dataclass
class OpenIdStandIn:
    process: subprocess.Popen
    url: str
    client_id: str
    client_secret: str

    @classmethod
    def start(cls, implementation: str = "oidc-provider") -> OpenIdStandIn:
        if implementation == "oidc-provider" and not (FOLDER / "node_modules" / "oidc-provider").is_dir():
            raise RuntimeError(f"npm ci --prefix {FOLDER} first (make test does)")
        command, folder = IMPLEMENTATIONS[implementation]
        process = subprocess.Popen(command, cwd=folder, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        assert process.stdout is not None
        line = process.stdout.readline()
        if not line.startswith("READY "):
            process.kill()
            raise RuntimeError(f"the OpenID stand-in did not start: {line!r}")
        _ready, port, client_id, secret = line.split()
        return cls(process, f"http://127.0.0.1:{port}", client_id, secret)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)

    def settings(self, **changes) -> dict:
        """settings.CDD4_DIGITAL_IDS for ThaID at this stand-in, as central staff would set it."""
        thaid = {
            "discovery_url": f"{self.url}/.well-known/openid-configuration",
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "scopes": ("openid", "pid", "given_name", "family_name"),
            "citizen_id_claim": "pid",
            "name_claims": ("given_name", "family_name"),
            "vouched_acr": ("AAL2.1",),
            "vouched_amr": (),
        }
        return {"thaid": thaid | changes}

    def control(self, path: str, **body) -> None:
        requests.post(f"{self.url}{path}", data=json.dumps(body), timeout=5).raise_for_status()

    def configure(self, *, redirect_uris: list[str], post_logout_redirect_uris: list[str]) -> None:
        self.control("/__configure", redirect_uris=redirect_uris, post_logout_redirect_uris=post_logout_redirect_uris)

    def misbehave_once(self, mode: str, seconds: float = 0) -> None:
        self.control("/__behave", mode=mode, seconds=seconds)

    def rotate(self) -> None:
        self.control("/__rotate")

    def sign_in(self, authorize_url: str, *, pid: str, acr: str = "AAL1", browser=None) -> str:
        """A browser at the provider: the authorization request, the sign-in page answered for `pid` with
        `acr`, and the redirect back. Returns the portal's callback address with its code and state. `browser`
        (a requests.Session) keeps the provider's own session, as a person's browser does."""
        browser = browser or requests.Session()
        answer = browser.get(authorize_url, allow_redirects=False, timeout=10)
        interaction = urljoin(authorize_url, answer.headers["Location"])
        page = browser.get(interaction, timeout=10)
        action = re.search(r'action="([^"]+)"', page.text)
        assert action is not None, page.text
        answer = browser.post(
            urljoin(interaction, action.group(1)), data={"pid": pid, "acr": acr}, allow_redirects=False, timeout=10
        )
        return self._back(browser, answer).headers["Location"]

    def asks_again(self, authorize_url: str, browser) -> bool:
        """Whether the provider asks `browser` to sign in again (its session ended), rather than answering the
        portal at once."""
        answer = browser.get(authorize_url, allow_redirects=False, timeout=10)
        while answer.status_code in (302, 303):
            location = urljoin(self.url, answer.headers["Location"])
            if "/interaction/" in location:
                return True
            if not location.startswith(self.url):
                return False
            answer = browser.get(location, allow_redirects=False, timeout=10)
        raise AssertionError(answer.text)

    def sign_out(self, there: str, browser) -> requests.Response:
        """A browser sent to the provider's sign-out (`there`): its page's form sent as its script does, then the
        redirects. Returns the provider's last answer: a redirect back to the portal, or its refusal."""
        page = browser.get(there, allow_redirects=False, timeout=10)
        if page.status_code != 200:
            return page
        action = re.search(r'action="([^"]+)"', page.text)
        assert action is not None, page.text
        fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', page.text)) | {"logout": "yes"}
        answer = browser.post(urljoin(there, action.group(1)), data=fields, allow_redirects=False, timeout=10)
        return self._back(browser, answer)

    def strict_logout(self) -> None:
        self.control("/__strict_logout")

    def _back(self, browser, answer) -> requests.Response:
        """The provider's redirects followed until one leaves it (back to the portal)."""
        while answer.status_code in (302, 303) and urljoin(self.url, answer.headers["Location"]).startswith(self.url):
            answer = browser.get(urljoin(self.url, answer.headers["Location"]), allow_redirects=False, timeout=10)
        return answer


@pytest.fixture(scope="module", params=list(IMPLEMENTATIONS))
def openid_provider(request):
    """A stand-in, one process for a test module, the module run against each implementation (each test points its
    settings at it: `OpenIdStandIn.settings`)."""
    standin = OpenIdStandIn.start(request.param)
    yield standin
    standin.stop()
