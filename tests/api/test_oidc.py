"""Sign-in with the identity provider's JWTs: keys from a JWKS address, issuer, audience and
expiry checked, tenant and role from claims."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import jwt
import pytest
import uvicorn
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from graphsvc.api import create_app
from graphsvc.config import Settings
from graphsvc.local_neo4j import free_port

pytestmark = pytest.mark.neo4j

KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
ISSUER = "https://login.example-kommune.dk"


@pytest.fixture(scope="module")
def jwks_url() -> Iterator[str]:
    jwk = json.loads(RSAAlgorithm.to_jwk(KEY.public_key())) | {"kid": "k1", "use": "sig"}
    body = json.dumps({"keys": [jwk]}).encode()

    class Keys(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Keys)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/keys"
    server.shutdown()


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:
        pass


@pytest.fixture(scope="module")
def oidc_api(settings: Settings, jwks_url: str) -> Iterator[str]:
    configured = settings.model_copy(
        update={"oidc_jwks_url": jwks_url, "oidc_issuer": ISSUER, "oidc_audience": "graphsvc"}
    )
    port = free_port()
    server = _Server(uvicorn.Config(create_app(configured), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


def _token(key: Any = KEY, **claims: Any) -> str:
    payload = {
        "iss": ISSUER,
        "aud": "graphsvc",
        "exp": int(time.time()) + 300,
        "preferred_username": "mette@kommune.dk",
        "graphsvc_tenant": "oidc-town",
        "graphsvc_role": "viewer",
    } | claims
    return jwt.encode(payload, key, algorithm="RS256", headers={"kid": "k1"})


def _me(url: str, token: str) -> httpx.Response:
    return httpx.get(f"{url}/auth/me", headers={"Authorization": f"Bearer {token}"})


def test_a_valid_jwt_signs_in_with_its_claims(oidc_api: str) -> None:
    answer = _me(oidc_api, _token())
    assert answer.status_code == 200
    assert answer.json() == {"name": "mette@kommune.dk", "role": "viewer", "tenant": "oidc-town"}


@pytest.mark.parametrize(
    "bad",
    [
        {"key": OTHER_KEY},
        {"exp": int(time.time()) - 60},
        {"aud": "another-app"},
        {"iss": "https://evil.example"},
        {"graphsvc_role": "superuser"},
        {"graphsvc_tenant": None},
    ],
)
def test_a_wrong_jwt_is_refused(oidc_api: str, bad: dict[str, Any]) -> None:
    key = bad.pop("key", KEY)
    answer = _me(oidc_api, _token(key, **bad))
    assert answer.status_code == 401
    assert "not valid" in answer.json()["detail"]
