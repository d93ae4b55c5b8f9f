"""``python -m calculator``: one JSON object on standard input, the estimate on standard output.

Exit 0 with the result; exit 2 with a one-line message naming the field on standard error when
the input is invalid.
"""

from __future__ import annotations

import json
import sys

from calculator.api import estimate_text
from calculator.inputs import InputError


def main() -> int:
    try:
        result = estimate_text(sys.stdin.read())
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
