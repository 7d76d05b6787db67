"""mkdocs-aiblog: a blog on top of Material for MkDocs."""

from __future__ import annotations

__version__ = "0.1.0"
