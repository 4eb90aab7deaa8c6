"""The pages follow a switch of theme in the viewer's menu: the charts' colours are chosen for a theme
(ui.chart_look: a fan's solid shades, the forecast line's casing in the background's colour), and Streamlit
learns the browser's theme (st.context.theme) only when the page runs, which the switch alone does not do.

A component of no height watches the colour scheme Streamlit gives the app's element and asks for a run when it
differs from the theme the page was drawn for: the charts then take the new theme's colours at once. Sent with
every page run, it also carries the page's record of the person's keys and presses (ui.presentation_focus).
"""

from __future__ import annotations

import streamlit as st

from ui import presentation, presentation_focus

# Asks once per theme the page was not drawn for: a run whose st.context still names the old theme (the browser's
# word comes with the request of a run) draws the same again, and is not asked for twice.
_JS = """
export default function (component) {%s
  const { data, setTriggerValue } = component;
  const app = document.querySelector('.stApp');
  if (!app) return;
  const check = () => {
    const shown = getComputedStyle(app).colorScheme;
    if (shown === data.drawn) { window.__varlibThemeAsked = null; return; }
    if ((shown === 'light' || shown === 'dark') && window.__varlibThemeAsked !== shown) {
      window.__varlibThemeAsked = shown;
      setTriggerValue('theme', shown);
    }
  };
  const watcher = new MutationObserver(check);
  watcher.observe(app, { attributes: true, attributeFilter: ['class', 'style'] });
  check();
  return () => watcher.disconnect();
}
"""
# It also installs the page's record of the person's keys and presses (ui.presentation_focus): sent with every page
# run already, it costs the forecast's reruns nothing.
_watch = st.components.v2.component("varlib_theme_follow", js=_JS % presentation_focus.RECORD_ACTS)


def follow_theme() -> None:
    """Mount the watcher (once per run, in the sidebar: an element of no height there)."""
    with st.sidebar:
        _watch(key="theme_follow", data={"drawn": presentation.theme()}, on_theme_change=_drawn_anew, height=0)


def _drawn_anew() -> None:
    """Nothing to keep: the run the switch asked for reads the theme afresh (presentation.theme)."""
