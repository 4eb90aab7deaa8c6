"""Whole-number bounds in the OpenAPI document: FastAPI passes every schema through its own OpenAPI model, which
types `minimum`/`maximum` as float, so `steps` (an integer from 1 to 400) was documented with bounds 1.0 and
400.0, which generated clients and validators read as a float's range."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI

_BOUNDS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf")


def document_whole_bounds(app: FastAPI) -> None:
    """Make the app's OpenAPI document give an integer schema's bounds as integers; the document is built once
    (FastAPI keeps it as app.openapi_schema) and changed in place then."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        whole_bounds(schema)
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def whole_bounds(node: Any) -> None:
    """Every schema in `node` whose type is integer gets its float bounds (400.0) as the integers they are."""
    if isinstance(node, dict):
        types = node.get("type")
        # a type list ["integer", "null"] is an integer too; one with "number" takes fractions
        if types == "integer" or (isinstance(types, list) and "integer" in types and "number" not in types):
            for bound in _BOUNDS:
                value = node.get(bound)
                if isinstance(value, float) and value.is_integer():
                    node[bound] = int(value)
        for item in node.values():
            whole_bounds(item)
    elif isinstance(node, list):
        for item in node:
            whole_bounds(item)
