"""Number options kept as typed: a refusal names `--alpha 0.00001` as the person wrote it, not as Python writes the
number argparse made of it (`1e-05`), and `--steps 1_000` as `1_000`."""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Mapping

Typed = Mapping[str, tuple[float, str]]  # an option's dest -> the number argparse made and the text it was typed as


class _Whole(int):
    text = ""


class _Decimal(float):
    text = ""


def whole(text: str) -> int:
    number = _Whole(text)  # a ValueError is argparse's "invalid int value: 'x'", as for type=int
    number.text = text.strip()
    return number


def decimal(text: str) -> float:
    number = _Decimal(text)
    number.text = text.strip()
    return number


def whole_or_auto(text: str) -> int | None:
    """`--coint-rank`: a whole number, or None for `auto`."""
    if text == "auto":
        return None
    try:
        return whole(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number or auto") from None


whole.__name__, decimal.__name__ = "int", "float"  # argparse names the type by it in "invalid int value"


def keep_typed(args: argparse.Namespace) -> dict[str, tuple[float, str]]:
    """The number options given, each made a plain int or float again (the library stores and compares plain
    numbers), with the text each was typed as, by dest."""
    typed: dict[str, tuple[float, str]] = {}
    for dest, value in vars(args).items():
        if isinstance(value, (_Whole, _Decimal)):
            plain = int(value) if isinstance(value, int) else float(value)
            setattr(args, dest, plain)
            typed[dest] = (plain, value.text)
    return typed


def as_typed(message: str, field: str | None, value: object, option: str, typed: Typed | None) -> str:
    """`message` with `option VALUE` (however Python showed the value: 1e-05, 2.0 or 2) said as it was typed,
    when the refused value is the one the option was given as; else `message` as it is."""
    number, text = (typed or {}).get(field or "", (None, ""))
    if number is None or not isinstance(value, (int, float)) or isinstance(value, bool):
        return message
    if not (value == number or (math.isnan(value) and math.isnan(number))):
        return message  # a value worked out from the option's, not the one typed
    label = option or "--" + (field or "").replace("_", "-")
    shown = sorted({repr(value), str(value), f"{value:g}"}, key=len, reverse=True)
    # not inside a longer number: `--steps 4` is no part of `--steps 40`, nor `--holdout 2` of `--holdout 2.5`
    found = re.compile(rf"{re.escape(label)} (?:{'|'.join(map(re.escape, shown))})(?!\w|\.\d)")
    return found.sub(lambda _: f"{label} {text}", message)
