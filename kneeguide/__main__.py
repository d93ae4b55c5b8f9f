"""Command line on the same pipeline as the site build.

python -m kneeguide check [CONTENT]            validate only
python -m kneeguide render --out DIR [CONTENT] write the generated pages to DIR
python -m kneeguide urls [CONTENT]             list the site's URLs, exercises first
python -m kneeguide urls --update FILE         add new URLs to the manifest FILE
python -m kneeguide review --out FILE [CONTENT] write the clinical review pack
python -m kneeguide build --out DIR            write the whole site's source for another engine
python -m kneeguide finish DIR/site            add the service worker and header files to it
"""

from __future__ import annotations

import argparse
import datetime
import json
import shutil
import sys
from pathlib import Path

import yaml

from kneeguide.bundle.contract import write as write_contract
from kneeguide.bundle.errors import BundleError
from kneeguide.bundle.inline import inline_scripts
from kneeguide.content.catalog import load_catalog
from kneeguide.content.errors import ContentError
from kneeguide.content.schema import write as write_schemas
from kneeguide.pages.plan import merged_manifest, published_urls
from kneeguide.pages.reading import page_grades, report
from kneeguide.pages.render import render_pages
from kneeguide.pipeline import build_pages
from kneeguide.reference_doc import write as write_reference
from kneeguide.review import clinically_reviewed, review_pack
from kneeguide.settings import SettingsError, engine_config, engine_policies, read_settings
from kneeguide.site_files import finish, policies_of, site_files, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kneeguide", description=__doc__.splitlines()[0]
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate the content tree")
    check.add_argument("content", nargs="?", type=Path, default=Path("content"))
    render = commands.add_parser("render", help="write the generated pages")
    render.add_argument("content", nargs="?", type=Path, default=Path("content"))
    render.add_argument("--out", type=Path, required=True)
    render.add_argument("--site-url", default="", help="canonical address, for the QR codes")
    listing = commands.add_parser("urls", help="list every URL of the site, exercises first")
    listing.add_argument("content", nargs="?", type=Path, default=Path("content"))
    listing.add_argument("--update", type=Path, help="the manifest to add new URLs to")
    pack = commands.add_parser("review", help="write the clinical review pack (Markdown)")
    pack.add_argument("content", nargs="?", type=Path, default=Path("content"))
    pack.add_argument("--out", type=Path, required=True)
    schema = commands.add_parser(
        "schema",
        help="write a JSON Schema for each kind of item, the browser's contract and REFERENCE.md",
    )
    schema.add_argument("--out", type=Path, required=True)
    build = commands.add_parser(
        "build",
        help="write the complete site source (pages, Pyodide, wheel) and a mkdocs.yml without "
        "the plugin, for another engine such as Zensical; then run `finish` on its output",
    )
    build.add_argument("--out", type=Path, required=True)
    build.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    done = commands.add_parser(
        "finish", help="add the service worker and the hosts' header files to a built site"
    )
    done.add_argument("site", type=Path)
    args = parser.parse_args(argv)
    if args.command in ("build", "finish"):
        return engine_command(args)
    if args.command == "schema":
        for written in write_schemas(args.out):
            print(f"wrote {written}")
        project = args.out.resolve().parent
        print(f"wrote {write_contract(project, project / 'docs')}")
        print(f"wrote {write_reference(project)}")
        return 0
    try:
        catalog = load_catalog(args.content)
        if args.command == "check":
            print(
                f"{args.content}: {len(catalog.exercises)} exercises, {len(catalog.references)} references: OK"
            )
            today = datetime.date.today()
            for item in catalog.items():
                if item.review.next_due < today:
                    print(f"warning: {item.slug}: review was due on {item.review.next_due}")
                if item.review.signed_off is not None and not clinically_reviewed(item):
                    print(
                        f"warning: {catalog.file_of(item)}: its claims changed after "
                        f"{item.review.signed_off.name} signed them off; the page says it is not "
                        "yet clinically reviewed until they read it again (python -m kneeguide review)"
                    )
            lines, within = report(page_grades(render_pages(catalog)))
            print("Reading grade (Flesch-Kincaid) of each page:")
            print("\n".join(lines))
            return 0 if within else 1
        if args.command == "review":
            made = datetime.date.today().isoformat()
            args.out.parent.mkdir(parents=True, exist_ok=True)
            args.out.write_text(review_pack(catalog, render_pages(catalog), made), encoding="utf-8")
            print(f"wrote {args.out}: {sum(1 for _ in catalog.items())} items")
            return 0
        if args.command == "urls":
            current = published_urls(catalog)
            if args.update is None:
                print("\n".join(current))
                return 0
            published = (
                args.update.read_text(encoding="utf-8").split() if args.update.exists() else []
            )
            merged = merged_manifest(published, current)
            args.update.write_text("\n".join(merged) + "\n", encoding="utf-8")
            print(f"{args.update}: {len(merged) - len(published)} new URLs, {len(merged)} in all")
            return 0
        pages = build_pages(args.content, args.site_url)
    except ContentError as error:
        print(error, file=sys.stderr)
        return 1
    for path, text in pages.items():
        target = args.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    print(f"wrote {len(pages)} files to {args.out}")
    return 0


def engine_command(args: argparse.Namespace) -> int:
    """``build``: the site's source for an engine other than MkDocs; ``finish``: what needs the
    engine's output. ``build`` records the page policies beside the source for ``finish``."""
    try:
        if args.command == "build":
            config, settings = read_settings(args.config)
            project = args.config.resolve().parent
            files = site_files(project, settings.site_url, settings.clinic)
            count = write(files, project / "docs", args.out / "docs")
            shutil.copytree(project / "overrides", args.out / "overrides", dirs_exist_ok=True)
            scripts = inline_scripts(project / "docs")
            written = yaml.safe_dump(engine_config(config, settings, scripts), sort_keys=False)
            (args.out / "mkdocs.yml").write_text(written, encoding="utf-8")
            csp = engine_policies(settings.csp, scripts)
            policies = {
                "csp": csp,
                "pages": policies_of(args.out / "docs"),
                "site_url": settings.site_url,
            }
            (args.out / POLICIES).write_text(json.dumps(policies, indent=1), encoding="utf-8")
            print(f"wrote {count} files to {args.out / 'docs'} and {args.out / 'mkdocs.yml'}")
            return 0
        recorded = json.loads((args.site.parent / POLICIES).read_text(encoding="utf-8"))
        precache = finish(args.site, recorded["pages"], recorded["csp"], recorded["site_url"])
        assert precache is not None  # written unless offline use is turned off
    except (ContentError, BundleError, SettingsError) as error:
        print(error, file=sys.stderr)
        return 1
    except FileNotFoundError as error:
        print(
            f"{error.filename}: not found (run `python -m kneeguide build` first)", file=sys.stderr
        )
        return 1
    print(f"{args.site}: service worker precaches {precache.count} files; header files written")
    return 0


POLICIES = "policies.json"
"""Written by ``build`` beside the engine's ``mkdocs.yml`` for ``finish``: page -> policy name,
the policies and the site's address."""


if __name__ == "__main__":
    raise SystemExit(main())
