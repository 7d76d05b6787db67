"""The full-story card on the plugin's side: its names, where the plugin imports them.

The card's pure core (reading a block's slot, the front matter, the URL rules)
lives in `core/fullstory.py`, so that the Markdown extension can render the card
by itself where no plugin runs (`markdown/standalone.py`); the plugin reads it
through this module, and `aiblog/full-story.html` renders what it gives.
"""

from __future__ import annotations

from mkdocs_aiblog.core.fullstory import (
    MARKER,
    SLOT_CLASS,
    Defaults,
    FullStory,
    Invalid,
    extract_slot,
    merge,
    parse_full_story,
    place,
    remove_slots,
    with_campaign,
)
from mkdocs_aiblog.core.urls import safe_url

__all__ = [
    "MARKER",
    "SLOT_CLASS",
    "Defaults",
    "FullStory",
    "Invalid",
    "extract_slot",
    "merge",
    "parse_full_story",
    "place",
    "remove_slots",
    "safe_url",
    "with_campaign",
]
