import json

import pytest

from journal.api import tokens


class Api:
    """A test client that speaks JSON with one token."""

    def __init__(self, client, token):
        self.client, self.token = client, token

    def _headers(self):
        return {"HTTP_AUTHORIZATION": f"Bearer {self.token}"} if self.token else {}

    def get(self, path, **params):
        return self.client.get(f"/api/v1{path}", params, **self._headers())

    def send(self, method, path, body=None, raw=None):
        data = raw if raw is not None else json.dumps(body)
        call = getattr(self.client, method)
        return call(f"/api/v1{path}", data, content_type="application/json", **self._headers())

    def post(self, path, body=None, raw=None):
        return self.send("post", path, body, raw)

    def put(self, path, body=None):
        return self.send("put", path, body)

    def delete(self, path):
        return self.client.delete(f"/api/v1{path}", **self._headers())


@pytest.fixture
def alice_token(alice):
    return tokens.create_token(alice, "alice's phone")[1]


@pytest.fixture
def bob_token(bob):
    return tokens.create_token(bob, "bob's script")[1]


@pytest.fixture
def alice_api(client, alice_token):
    return Api(client, alice_token)


@pytest.fixture
def bob_api(alice_token, bob_token):
    from django.test import Client

    return Api(Client(), bob_token)


def session_body(**extra):
    return {"date": "2026-11-20", "activity": "aerobic", "minutes": 45, "effort": 4, **extra}
