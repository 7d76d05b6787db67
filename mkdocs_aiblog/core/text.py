"""Text for messages: any value quoted briefly, whatever its size."""

from __future__ import annotations


def shown(value: object) -> str:
    """Give `value`'s `repr`, cut to 80 characters."""
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."
