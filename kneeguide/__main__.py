"""Command line on the same pipeline as the site build.

python -m kneeguide check [CONTENT]            validate only
python -m kneeguide render --out DIR [CONTENT] write the generated Markdown to DIR
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kneeguide.catalog import load_catalog
from kneeguide.errors import ContentError
from kneeguide.pipeline import build_pages
from kneeguide.plan import published_urls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kneeguide", description=__doc__.splitlines()[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the content tree")
    check.add_argument("content", nargs="?", type=Path, default=Path("content"))
    render = commands.add_parser("render", help="write the generated Markdown pages")
    render.add_argument("content", nargs="?", type=Path, default=Path("content"))
    render.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            catalog = load_catalog(args.content)
            print(
                f"{args.content}: {len(catalog.exercises)} exercises, {len(catalog.references)} references: OK"
            )
            return 0
        pages = build_pages(args.content)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    for path, markdown in pages.items():
        target = args.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
    print(f"wrote {len(pages)} pages to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
