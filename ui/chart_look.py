"""How the forecast charts look on a laptop, a big screen or a projector, in either theme.

Band opacities are chosen by contrast (WCAG relative luminance): the band stands out from the
page's background by a ratio of at least 1.4, and the forecast line from the band by at least 2,
in the light and the dark theme alike (tests/app/test_presentation.py checks both). Presentation
mode uses fonts of 16 px and more. Image exports are 3x the drawn size and named after what they show.
"""

from __future__ import annotations

from dataclasses import dataclass

import plotly.graph_objects as go

FORECAST_RGB = (228, 87, 46)
BACKGROUNDS = {"light": (255, 255, 255), "dark": (14, 17, 23)}  # Streamlit's two base themes
BAND_ALPHA = {"light": 0.30, "dark": 0.40}
BAND = f"rgba{(*FORECAST_RGB, BAND_ALPHA['light'])}"
HOVER_FORMATS = {"quarterly": "%YQ%q", "monthly": "%b %Y", "yearly": "%Y"}  # as varlib.period_labels names them
EXPORT_SCALE = 3


def band_colour(theme: str) -> str:
    return f"rgba{(*FORECAST_RGB, BAND_ALPHA.get(theme, BAND_ALPHA['light']))}"


@dataclass(frozen=True)
class Look:
    """A chart's subtitle, sizes and colours."""

    subtitle: str = ""
    theme: str = "light"
    present: bool = False
    frequency: str = ""  # quarterly, monthly, ...: how hover labels name the periods

    @property
    def band(self) -> str:
        return band_colour(self.theme)

    @property
    def font(self) -> int:
        return 18 if self.present else 13

    def apply(self, fig: go.Figure) -> go.Figure:
        title = fig.layout.title.text
        fig.update_layout(
            title={"text": title, "subtitle": {"text": self.subtitle}, "font": {"size": self.font + 8}},
            font={"size": self.font},
            legend={"font": {"size": self.font}},
            hoverlabel={"font": {"size": self.font}},
            # below the axis, where it never covers the subtitle, however narrow the chart
            legend_orientation="h",
            legend_yref="container",
            legend_y=0,
            legend_yanchor="bottom",
            legend_x=0,
            legend_xanchor="left",
            margin={"t": 96 if self.present else 72, "b": 2 * self.font + 48},
        )
        fig.update_xaxes(tickfont={"size": self.font}, title_font={"size": self.font})
        fig.update_yaxes(tickfont={"size": self.font}, title_font={"size": self.font})
        if self.frequency in HOVER_FORMATS:
            fig.update_xaxes(hoverformat=HOVER_FORMATS[self.frequency])
        return fig


def export_config(filename: str, image_format: str = "png") -> dict:
    """Plotly's modebar settings: no logo, and the camera saves `filename` at 3x in PNG or SVG."""
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": image_format, "filename": filename, "scale": EXPORT_SCALE},
    }


def file_stem(*parts: object) -> str:
    """A file name from what a chart shows: `var-0.0.3-realgdp-8-steps-95pct`, safe on every system."""
    text = "-".join(str(part) for part in parts if part not in (None, ""))
    return "".join(ch if ch.isalnum() or ch in ".-_" else "-" for ch in text)
