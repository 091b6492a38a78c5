"""How a number is written on the site and in explanations: thousands separators, no trailing zeros."""

from __future__ import annotations


def format_number(x: float) -> str:
    """4000.0 → "4,000"; 16.80 → "16.8"; 0.125 → "0.13"."""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")
