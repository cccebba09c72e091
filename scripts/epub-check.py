#!/usr/bin/env python3
"""Checks Lectern's reading of the EPUB corpus against the corpus's own counts, read in
place (nothing is copied into the project):

For each book in ../shared/corpus/epub (or the folder given), `check-epub.py` (the
corpus's structural checker) gives the outline size and the notes and references found
in the markup; `lectern inspect` gives what the reader made of the book. Printed per
book: title, authors, credits, outline entries, notes defined, references found, notes
referred to more than once, and whether each figure matches.

Usage: scripts/epub-check.py [CORPUS_DIR]
LECTERN=path/to/binary picks a build (default: the newest of target/release, target/debug).
"""

import glob
import json
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
corpus = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "corpus", "epub")
checker = os.path.join(corpus, "check-epub.py")
if not os.path.exists(checker):
    sys.exit(f"epub-check: {checker} not found")


def binary():
    if os.environ.get("LECTERN"):
        return os.environ["LECTERN"]
    builds = [os.path.join(root, "target", b, "lectern") for b in ("release", "debug")]
    builds = [b for b in builds if os.path.exists(b)]
    if not builds:
        sys.exit("epub-check: build lectern first (cargo build)")
    return max(builds, key=os.path.getmtime)


def expected(book):
    out = subprocess.run([sys.executable, checker, book], capture_output=True, text=True).stdout
    text = out[: out.rfind("}") + 1]
    return json.loads(text)


lectern = binary()
failed = False
for book in sorted(glob.glob(os.path.join(corpus, "*.epub"))):
    want = expected(book)
    got = json.loads(subprocess.run([lectern, "inspect", book], capture_output=True, text=True, check=True).stdout)
    outline_want = want.get("nav_toc_entries", want.get("ncx_navpoints"))
    # Standard Ebooks mark every reference epub:type="noteref"; the EPUB 2 file has none,
    # and there the references are the links that a note links back to.
    refs_want = want["noteref_links"] or want["linked_back_refs"]
    notes_want = want["noteref_targets"] or want["notes"]
    notes = got["footnotes"]
    defined = sum(1 for n in notes if n["defined"])
    refs = sum(n["refs"] for n in notes)
    multi = sum(1 for n in notes if n["refs"] > 1)
    rows = [
        ("outline entries", len(got["outline"]), outline_want),
        ("notes defined", defined, notes_want),
        ("references", refs, refs_want),
    ]
    print(os.path.basename(book))
    credits = ", ".join(f"{c['name']} ({c['role']})" for c in got["contributors"])
    print(f"  {got['title']} — {', '.join(got['authors'])}; {credits or 'no credits'}")
    for name, g, w in rows:
        ok = g == w
        failed |= not ok
        print(f"  {name:16} {g:6} {'=' if ok else '≠'} {w}")
    print(f"  {'referred to 2+':16} {multi:6}")
    unreferenced = [n["label"] for n in notes if n["defined"] and not n["refs"]]
    if unreferenced:
        failed = True
        print(f"  notes no reference points to: {unreferenced[:10]}")
sys.exit(1 if failed else 0)
