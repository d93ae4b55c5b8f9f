"""Every page's source path, decided in one place.

Paths are MkDocs source paths; with directory URLs ``exercises/clam-shell.md`` is served at
``/exercises/clam-shell/``. An exercise's path is built from its permanent slug only.
"""

from __future__ import annotations

HOME = "index.md"
CONDITION = "what-is-runners-knee.md"
CAUSES = "causes/index.md"
RECOVERY = "recovery-time.md"
TREATMENT = "treatment.md"
EXERCISES = "exercises/index.md"
CLINICIAN = "see-a-clinician.md"
TOPICS = "topics/index.md"
CALCULATOR = "calculator.md"
PROGRAM = "program.md"
REFERENCES = "references.md"
ABOUT = "about.md"
OFFLINE = "offline.md"


def cause_path(slug: str) -> str:
    return f"causes/{slug}.md"


def exercise_path(slug: str) -> str:
    return f"exercises/{slug}.md"


def topic_path(slug: str) -> str:
    return f"topics/{slug}.md"


def url_of(path: str) -> str:
    """The site-relative URL MkDocs gives ``path`` with ``use_directory_urls``."""
    if path == "index.md":
        return ""
    if path.endswith("/index.md"):
        return path.removesuffix("index.md")
    return path.removesuffix(".md") + "/"
