"""The JSON boundary used by the command line and the browser: a string in, a string out.

Pyodide calls ``respond`` with the page's JSON and gets JSON back, so no Python object crosses
into JavaScript and nothing needs releasing.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from calculator.estimate import Estimate, estimate, referral
from calculator.inputs import InputError, parse_inputs, warning_signs


def decode(text: str) -> Any:
    """Parse JSON text; raises InputError on bad JSON."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            {"input": f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"}
        ) from None


def result_json(result: Estimate) -> dict[str, Any]:
    """The estimate as plain JSON data."""
    return dataclasses.asdict(result)


def estimate_text(text: str) -> dict[str, Any]:
    """Validate JSON text and estimate; raises InputError.

    A warning sign refers at once, even before the other answers are complete, and codes the
    estimator does not know are reported beside the known ones, never instead of them.
    """
    data = decode(text)
    signs, unrecognised = warning_signs(data)
    if signs:
        return result_json(referral(signs, unrecognised))
    return result_json(estimate(parse_inputs(data)))


def respond(text: str) -> str:
    """``{"result": ...}`` for valid input, ``{"errors": {field: message}}`` otherwise."""
    try:
        return json.dumps({"result": estimate_text(text)})
    except InputError as error:
        return json.dumps({"errors": error.errors})
