"""The local web app (`casefile serve`): Starlette, server-rendered Jinja2 pages, little JavaScript.

Every page reads through :mod:`casefile.store`; the review queue writes judgements through
:mod:`casefile.resolve.corrections`.
"""
from __future__ import annotations

from casefile.web.app import create_app

__all__ = ["create_app"]
