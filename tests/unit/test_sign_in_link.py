"""Which page and settings a remembered sign-in address reopens (ui.sign_in_link.target)."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from ui.sign_in_link import target


@dataclass(frozen=True)
class Page:
    """What `target` reads of an st.Page (a real one needs a running app)."""

    url_path: str


HOME, MODELS, COMPARE = Page(""), Page("models"), Page("compare")
PAGES = [HOME, MODELS, COMPARE]


@pytest.mark.parametrize(
    ("address", "page", "query"),
    [
        ("/compare?model=var&versions=0_0_1,0_0_2", COMPARE, {"model": "var", "versions": "0_0_1,0_0_2"}),
        ("/models", MODELS, {}),
        ("/?model=var&version=@champion", HOME, {"model": "var", "version": "@champion"}),
        ("/dash/compare?model=var", COMPARE, {"model": "var"}),  # under a base path
        ("/dash/?steps=12", HOME, {"steps": "12"}),  # the base path itself is the home page
        ("/gone?model=var", HOME, {"model": "var"}),  # a page that is no more: the home page, as Streamlit does
        ("/models?model=a&model=b", MODELS, {"model": "b"}),  # a repeated parameter: the last value
        ("/models?note=", MODELS, {"note": ""}),
        ("https://elsewhere.example/models?model=var", MODELS, {"model": "var"}),  # only path and query count
    ],
)
def test_an_address_names_a_page_and_its_settings(address, page, query):
    assert target(address, PAGES) == (page, query)


@pytest.mark.parametrize("address", ["/", "", "/dash/", "/gone"])
def test_the_bare_home_page_is_nothing_to_return_to(address):
    assert target(address, PAGES) is None
