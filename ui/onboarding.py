"""The first visit to an empty store: what the product does, one button to get a first model, and the
hint (with links to the pages that fill a store) that the other pages show instead of their content."""

from __future__ import annotations

import streamlit as st

from ui import auth, store
from ui.errors import show_error
from ui.layout import sentence
from ui.selection import DEFAULT_MODEL
from varlib import (
    DEFAULT_VARIABLES,
    READ_ONLY_SAID,
    ModelSpec,
    Registry,
    VarlibError,
    load_dataset,
    publish_result,
    train_model,
)

FIRST_MODEL = DEFAULT_MODEL  # the pages start at the model the bundled data is published as
TRAIN_PAGE, FORECAST_PAGE = "views/train.py", "views/forecast.py"  # as app.py registers them
READ_ONLY = (
    f"This store is read-only ({READ_ONLY_SAID}), so nothing can be published here. Point the dashboard at a store"
    " with models, or publish from a dashboard or the CLI with write access (VARLIB_READ_ONLY unset, keys that may"
    " write)."
)


def render_empty_store() -> None:
    """Say the store is empty and link the two ways to fill it: training on any data, or the Forecast
    page's one-click first model."""
    registry = store.registry()
    if registry.read_only:  # the links below lead to a Publish this dashboard does not offer
        st.info(f"The store has no models yet. {READ_ONLY}", icon=":material/lock:")
        _missing_bucket(registry)
        return
    if not auth.current().can("publish"):  # a viewer: the one-click first model is not offered to them either
        st.info("The store has no models yet.", icon=":material/inbox:")
        auth.publisher()  # says which role publishing needs and how to get it
        _missing_bucket(registry)
        return
    st.info("The store has no models yet. Publish one first:", icon=":material/inbox:")
    _missing_bucket(registry)
    st.page_link(TRAIN_PAGE, label="Train & publish: your CSV or the bundled data", icon=":material/model_training:")
    st.page_link(FORECAST_PAGE, label="Forecast: a first model in one click", icon=":material/show_chart:")


def _missing_bucket(registry: Registry) -> None:
    """Say when the bucket itself does not exist: a mistyped MINIO_BUCKET must not pass for an empty store."""
    try:
        note = registry.missing_note()
    except VarlibError:  # the listing just answered; a store gone since then shows in the sidebar
        return
    if note:  # a caption: on a first visit to a new store this is expected, not a fault
        st.caption(sentence(note))


def render_onboarding() -> None:
    """Explain the empty store and offer to train and publish a first model on the bundled data."""
    registry = store.registry()
    with st.container(border=True):
        _welcome(registry)
        _missing_bucket(registry)  # under the offer: a footnote on why the store is empty


def _welcome(registry: Registry) -> None:
    """The welcome, the link to the Train page, and the one-click first model where this user may publish; a
    read-only dashboard offers neither (its Train page cannot publish) and says where to publish instead."""
    st.subheader("Welcome: this store has no models yet")
    where = (
        f"Models live in **{registry.description}**. A model is a vector autoregression (VAR) fitted to a few"
        " time series; each publication is an immutable version that every viewer of this store sees."
    )
    if registry.read_only:
        st.markdown(where)
        st.info(READ_ONLY, icon=":material/lock:")
        return
    st.markdown(
        f"{where}\n\nStart with a first model on the bundled US macro data (quarterly"
        f" {' and '.join(DEFAULT_VARIABLES)}, 1959–2009; lag order chosen by AIC). It takes a few seconds."
    )
    _first_model(registry)
    st.markdown("Or train on your own CSV:")
    train_link()


def _first_model(registry: Registry) -> None:
    """The one-click first model, where this user may publish."""
    sign_in = auth.publisher()
    if sign_in is None:
        return
    if st.button("Train and publish a first model", type="primary", icon=":material/rocket_launch:"):
        try:
            # A second click while the first ran starts this again once the first has published, before the
            # cached listing knows: the store is asked, so the first model is published once.
            if not registry.list_versions(FIRST_MODEL):
                with st.spinner("Training on the macro data and publishing…"):
                    dataset = load_dataset(variables=list(DEFAULT_VARIABLES))
                    result = train_model(dataset, ModelSpec(variables=tuple(DEFAULT_VARIABLES)))
                    publish_result(
                        registry, result, FIRST_MODEL, "patch", "first model (onboarding)", actor=sign_in.actor
                    )
        except VarlibError as exc:
            show_error(exc)
            return
        store.refresh()
        st.rerun()


def train_link() -> None:
    """The link to the Train & publish page, where a version is published."""
    st.page_link(TRAIN_PAGE, label="Train & publish", icon=":material/model_training:")
