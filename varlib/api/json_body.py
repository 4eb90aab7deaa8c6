"""JSON request bodies read strictly, and refused in the service's own words.

FastAPI reads a body with `json.loads`, which keeps the last of two equal keys (`{"steps": 2, "steps": 3}`
forecast 3 steps), answers a body that is not UTF-8 or nests too deeply with a bare 400, one holding an integer
over Python's 4300-digit limit with a 500, a syntax error as "JSON decode error" at a bare position, and UTF-8
led by a byte-order mark (as Windows tools write it) in codec words ("decode using utf-8-sig"). The route class
here reads the body first, through a request whose `json()` reads such UTF-8 without its mark and refuses each of
the others as InvalidInputError (a 422 like every other bad input, naming the key or the character); FastAPI then
takes the parsed body from that request. The body size limit stays with varlib.api.body_limit, whose 413 passes through
unchanged.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from varlib import InvalidInputError

from .security import sign_in_before_body

_SHOWN = 40  # characters of a bad spot shown in a message
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")  # a \uD800-\uDFFF escape: a UTF-16 surrogate, or half a pair
_BOM = "\ufeff"  # the byte-order mark, as text
# UTF-32 LE's mark starts with UTF-16 LE's, so it is looked for first.
_MARKS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


class StrictJSONRequest(Request):
    """A request whose JSON body is parsed once, strictly (see the module)."""

    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            encoding = self.headers.get("content-encoding", "identity").strip().lower()
            if encoding not in ("", "identity"):  # its bytes would be read as text and refused as not UTF-8
                raise InvalidInputError(
                    f"the body was sent compressed (Content-Encoding: {encoding}), and this service reads a request"
                    " body as it is: send the JSON uncompressed (a forecast request is a few kB)",
                    field="content-encoding",
                    value=encoding,
                )
            self._json = parse_json(await self.body())
        return self._json


class StrictJSONRoute(APIRoute):
    """The app's route class (`app.router.route_class`): a route that takes a JSON body reads it strictly
    before FastAPI's own handling, so that its refusals are the service's 422 rather than a 400."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        takes_body = self.body_field is not None
        gates = [dependency.call for dependency in self.dependant.dependencies if dependency.call is not None]

        async def strict(request: Request) -> Response:
            request = StrictJSONRequest(request.scope, request.receive)
            if takes_body and is_json(request.headers.get("content-type", "")):
                try:
                    await request.json()  # raises here, outside FastAPI's body reading, which would make it a 400
                except InvalidInputError:
                    await sign_in_before_body(request, gates)  # a write is signed in first, whatever its body
                    raise
            return await handler(request)

        return strict


def is_json(content_type: str) -> bool:
    """Whether a Content-Type is JSON, as FastAPI reads it (application/json or application/...+json)."""
    kind = content_type.split(";")[0].strip().lower()
    return kind == "application/json" or (kind.startswith("application/") and kind.endswith("+json"))


def parse_json(body: bytes) -> Any:
    """The body's JSON value (a leading byte-order mark is dropped); InvalidInputError for text that is not UTF-8,
    not JSON, too deep, that gives one key twice in an object, holds a number too long to read or a string that is
    not Unicode text."""
    if not body:
        return None
    text = _text(body)
    try:
        value = json.loads(text, object_pairs_hook=_unique_keys)
        if _SURROGATE_ESCAPE.search(body):  # only then can a string hold one: UTF-8 itself cannot carry it
            _refuse_surrogates(value, "body")
        return value
    except json.JSONDecodeError as exc:
        near = text[exc.pos : exc.pos + _SHOWN]
        raise InvalidInputError(
            f"the body is not valid JSON at character {exc.pos}: {exc.msg}"
            + (f" (at {near!r})" if near else " (it ends there)")
            + "; send one JSON object",
            field="body",
        ) from None
    except RecursionError:
        raise InvalidInputError(
            "the body nests arrays or objects too deeply to read; send a JSON object of the documented shape"
            " (the endpoints are listed at /docs)",
            field="body",
        ) from None
    except ValueError:  # json.loads's one other ValueError: a whole number past Python's limit on digits
        raise InvalidInputError(
            f"the body is not usable JSON: it holds a number too long to read (over {sys.get_int_max_str_digits():,}"
            " digits); send numbers of the documented size",
            field="body",
        ) from None


def _text(body: bytes) -> str:
    """The body as UTF-8 text without a leading byte-order mark (no part of the JSON: some tools write one before
    UTF-8 text); InvalidInputError, in plain words, for text in another encoding."""
    for mark, encoding in _MARKS:
        if body.startswith(mark):
            raise InvalidInputError(
                f"the body is {encoding} text (it starts with the {encoding} byte-order mark); send the JSON object"
                " encoded as UTF-8",
                field="body",
            )
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"the body is not UTF-8 text: byte {exc.start:,} (0x{body[exc.start]:02X}) is no part of a UTF-8"
            " character (text saved as Latin-1 or Windows-1252?); send the JSON object encoded as UTF-8",
            field="body",
        ) from None
    return text.lstrip(_BOM)  # every mark: json.loads would refuse a second one in codec words


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """An object's pairs as a dict, refusing a key given twice (json.loads would keep the last silently)."""
    found: dict[str, Any] = {}
    for key, value in pairs:
        if key in found:
            raise InvalidInputError(
                f"the body gives the key {key[:_SHOWN]!r} twice in one object; give each key once",
                field="body",
                value=key[:_SHOWN],
            )
        found[key] = value
    return found


def _refuse_surrogates(value: Any, where: str, field: str = "body") -> None:
    """InvalidInputError naming the first string (or key) that holds a lone UTF-16 surrogate (`"\\ud800"`):
    JSON lets a body write one, but it is no character, and text holding it cannot be encoded (in a CSV, a
    pandas column, a message). `field` is the body's top-level key the value is under."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as exc:
            half = repr(value[exc.start])
            shown = f"{half} is" if len(value) == 1 else f"{value[:_SHOWN]!r} holds {half}, which is"
            raise InvalidInputError(
                f"{where}: {shown} half of a UTF-16 surrogate pair, no character on its own; send Unicode text",
                field=field,
            ) from None
    elif isinstance(value, dict):
        for key, item in value.items():
            _refuse_surrogates(key, f"a key of {where}", field)
            _refuse_surrogates(item, f"{where}.{key[:_SHOWN]}", key if where == "body" else field)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            _refuse_surrogates(item, f"{where}.{position}", field)
