"""The SVG chart of the benchmark report: listing cost against the number of versions (no plotting library)."""

from __future__ import annotations


def listing_svg(r: dict, width: int = 640, height: int = 360) -> str:
    """A hand-drawn line chart of cold listing seconds against versions, with the linear reference."""
    points = sorted((int(c), s) for c, s in r["list_versions_s"].items())
    verified = sorted((int(c), s) for c, s in r.get("list_versions_verify_s", {}).items())
    left, right, top, bottom = 70, 20, 40, 50
    xmax = max(c for c, _ in points)
    top_value = max(max(s for _, s in points + verified), 1.5 if xmax >= 10000 else 0) * 1.1 or 1.0
    step = next(v for v in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20, 50) if top_value / v <= 6)
    ticks = int(-(-top_value // step))
    ymax = ticks * step
    sx = lambda c: left + (width - left - right) * c / xmax  # noqa: E731
    sy = lambda s: height - bottom - (height - top - bottom) * s / ymax  # noqa: E731
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{width / 2}" y="22" text-anchor="middle" font-size="14">Cold listing with card fields'
        f" (Registry.list_versions, MinIO)</text>",
    ]
    for i in range(ticks + 1):
        y = step * i
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{sy(y):.1f}" y2="{sy(y):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{sy(y) + 4:.1f}" text-anchor="end">{y:.2f}</text>')
    for i in range(6):
        c = xmax * i / 5
        out.append(f'<text x="{sx(c):.1f}" y="{height - bottom + 18}" text-anchor="middle">{c:,.0f}</text>')
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{height - bottom}" y2="{height - bottom}" stroke="#333"/>')
    out.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{height - bottom}" stroke="#333"/>')
    out.append(
        f'<text x="{(left + width - right) / 2}" y="{height - 12}" text-anchor="middle">versions in the bucket</text>'
    )
    out.append(
        f'<text x="16" y="{(top + height - bottom) / 2}" text-anchor="middle" '
        f'transform="rotate(-90 16 {(top + height - bottom) / 2})">seconds (median, cold)</text>'
    )
    if xmax >= 10000:
        out.append(
            f'<line x1="{left}" x2="{width - right}" y1="{sy(1.5):.1f}" y2="{sy(1.5):.1f}" stroke="#c33" '
            'stroke-dasharray="6 4"/>'
        )
        out.append(
            f'<text x="{width - right - 4}" y="{sy(1.5) - 5:.1f}" text-anchor="end" fill="#c33">goal 1.5 s'
            " at 10,000</text>"
        )
    c_last, s_last = points[-1]
    out.append(
        f'<line x1="{sx(0):.1f}" y1="{sy(0):.1f}" x2="{sx(c_last):.1f}" y2="{sy(s_last):.1f}" '
        'stroke="#999" stroke-dasharray="2 3"/>'
    )
    if verified:
        vpath = " ".join(f"{'M' if i == 0 else 'L'}{sx(c):.1f},{sy(s):.1f}" for i, (c, s) in enumerate(verified))
        out.append(f'<path d="{vpath}" fill="none" stroke="#e08a1e" stroke-width="2"/>')
        for c, s in verified:
            out.append(f'<circle cx="{sx(c):.1f}" cy="{sy(s):.1f}" r="3" fill="#e08a1e"/>')
        c, s = verified[-1]
        out.append(
            f'<text x="{sx(c) - 6:.1f}" y="{sy(s) - 8:.1f}" text-anchor="end" fill="#e08a1e">verified {s:.3f} s</text>'
        )
    path = " ".join(f"{'M' if i == 0 else 'L'}{sx(c):.1f},{sy(s):.1f}" for i, (c, s) in enumerate(points))
    out.append(f'<path d="{path}" fill="none" stroke="#1f5fa8" stroke-width="2"/>')
    for c, s in points:
        out.append(f'<circle cx="{sx(c):.1f}" cy="{sy(s):.1f}" r="4" fill="#1f5fa8"/>')
        anchor = "end" if c == xmax else "start"
        out.append(
            f'<text x="{sx(c) + (-6 if c == xmax else 6):.1f}" y="{sy(s) - 8:.1f}" text-anchor="{anchor}">'
            f"{s:.3f} s</text>"
        )
    out.append(
        f'<text x="{left + 8}" y="{top + 14}" fill="#777">blue: list_versions; orange: verify=True;'
        " dotted: linear through the origin and the last blue point</text>"
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"
