"""The one error of the browser bundle."""

from __future__ import annotations


class BundleError(Exception):
    """A file the browser needs could not be made or found; the message says how to fix it."""
