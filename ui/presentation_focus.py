"""The keyboard's focus across a switch of presentation mode (ui.presentation): given back after the switch, never
taken from the person once they moved it.

The toggle that switches presentation mode moves between the page's controls and the folded "Model and version"
expander, so the browser draws it anew and the keyboard's focus falls to the page's body. The switch's run puts it
back: on the toggle once the mode is off, on the expander that holds it once it is on (the toggle itself is folded
away). Only a focus that was lost is moved, only for a few seconds after the switch, and never once the person moved
it (a key, a click, or a control of theirs focused that is not the toggle being redrawn): it was taken back from
them whenever it fell to the body within those seconds.
"""

from __future__ import annotations

import streamlit as st

SWITCHED = "fc_present_switched"
_TOGGLE = 'input[role="switch"][aria-label="Presentation mode"]'

# The person's acts, counted from the page's start: `seq` their keys and presses, `press` the count at their last
# press of the toggle (Space on it, or a press on its label other than its help). The switch's script is drawn by
# the run the press asked for, on a loaded machine after the person's next key (a Tab at once): listeners of its
# own learned of that key too late, and it took the focus back from them. Installed once per browser tab (reruns
# and page changes keep the window), by ui.theme_follow's component, which every page run sends already: the
# forecast's reruns draw nothing more.
RECORD_ACTS = f"""
  if (!window.__varlibActs) {{
    const acts = window.__varlibActs = {{ seq: 0, press: -1 }};
    const toggle = '{_TOGGLE}';
    const pressed = (e) => e.type === 'keydown'
      ? e.key === ' ' && !!e.target.matches?.(toggle)
      : !!e.target.closest?.('label')?.querySelector(toggle) && !e.target.closest('[data-testid="stTooltipIcon"]');
    const act = (e) => {{ acts.seq += 1; if (pressed(e)) acts.press = acts.seq; }};
    for (const kind of ['pointerdown', 'keydown']) window.addEventListener(kind, act, {{ capture: true }});
  }}
"""

# %s: whether the mode is on. The person acted when any act came after the toggle's last press, or when the record
# holds acts but no press (it was installed after the press, on a loaded page: an act since is theirs). No record: the
# focus is left alone.
_FOCUS_SCRIPT = f"""<script>(() => {{
  const doc = document, until = Date.now() + 5000, toggle = '{_TOGGLE}', acts = window.__varlibActs;
  const acted = () => !acts || acts.seq > Math.max(acts.press, 0);
  const target = () => %s
    ? [...doc.querySelectorAll('[data-testid="stExpander"] summary')]
        .find(s => s.innerText.includes('Model and version'))
    : [...doc.querySelectorAll(toggle)].find(t => !t.closest('[data-testid="stExpander"]'));
  const put = () => {{
    const now = doc.activeElement, lost = !now || now === doc.body, found = target();
    if (acted() || (!lost && now !== found && !now.matches(toggle))) return;  // the person's focus
    if (found && lost) found.focus();
    if (Date.now() < until && (!found || doc.activeElement !== found)) setTimeout(put, 100);
  }};
  put();
}})();</script>"""


def switched() -> None:
    """The presentation toggle's on_change: this run was asked for by the toggle (keep_focus)."""
    st.session_state[SWITCHED] = True


def keep_focus(present: bool) -> None:
    """On the run the presentation toggle asked for, give the keyboard's focus back (see _FOCUS_SCRIPT)."""
    if st.session_state.pop(SWITCHED, False):
        with st.sidebar:  # the end of the sidebar: nothing after it moves (hidden, its script still runs)
            st.html(_FOCUS_SCRIPT % ("true" if present else "false"), unsafe_allow_javascript=True)
