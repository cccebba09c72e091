#!/usr/bin/env python3
"""Runs `lectern inspect` over the shared test corpus and compares titles, authors and
footnote counts with what is known about each file.

The corpus is read where it lies (../shared/corpus, or the path given as the first
argument); nothing is copied. Expected values come from the readability folders'
expected-metadata.json, the gov.uk JSON next to each body.html, and the facts the corpus
README states, written out below.

Usage: scripts/corpus-check.py [CORPUS_DIR]   (LECTERN=path/to/binary to pick a build)
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lectern_build import binary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"

# Facts from the corpus README: title, authors, number of defined notes, number of references.
KNOWN = {
    "markdown/pandoc-testsuite.md": ("Pandoc Test Suite", ["John MacFarlane", "Anonymous"], None, None),
    "markdown/eip-8173-foundations-of-evm-control-flow.md": ("Foundations of EVM Control Flow", ["Greg Colvin"], None, None),
    "markdown/bssw-community-of-practice-peer-review.md": (
        "A Community of Practice around Peer Review for Long-Term Research Software Sustainability",
        ["Karthik Ram", "Carl Boettiger", "Scott Chamberlain", "Noam Ross", "Maëlle Salmon", "Stefanie Butland"],
        0,
        0,
    ),
    "markdown/rust-rfc-3595-move-crates-io-team-under-dev-tools.md": (None, None, None, None),
    "html/readability-ebb-org/source.html": (None, None, 0, 0),
    "html/readability-wikipedia/source.html": (None, None, 72, 76),
    # 14 sup.footnote-reference elements in the page.
    "html/mdbook-footnotes/footnotes.html": ("Footnote tests", None, None, 14),
    "html/pandoc-writer/writer.html5": ("Pandoc Test Suite", ["John MacFarlane", "Anonymous"], 5, 5),
    # The gov.uk bodies are fragments: their title and date live in the JSON beside them.
    "html/govuk-spring-budget-2017/body.html": (None, None, 55, 55),
    "text/gutenberg-244-a-study-in-scarlet.txt": ("A Study In Scarlet", ["Arthur Conan Doyle"], 25, 25),
    # 76 "(*)" marks are 38 references plus 38 notes; with (+), (#) and (%) there are 46 notes.
    "text/gutenberg-1232-the-prince.txt": ("The Prince", ["Nicolo Machiavelli"], 46, 46),
    "text/gutenberg-17997-passamaquoddy-folk-lore.txt": ("Contribution to Passamaquoddy Folk-Lore", ["J. Walter Fewkes"], 33, None),
    "text/gutenberg-16595-charles-dickens-and-music.txt": ("Charles Dickens and Music", ["James T. Lightwood"], 18, None),
    "text/pep-0473-structured-exception-data.rst": ("Adding structured data to built-in exceptions", None, None, None),
    "text/pep-0506-secrets-module.rst": ("Adding A Secrets Module To The Standard Library", None, None, 36),
    "large/gutenberg-2600-war-and-peace.txt": ("War and Peace", ["Leo Tolstoy"], None, None),
    "nasty/cp1252-gutenberg-74-tom-sawyer.txt": ("The Adventures of Tom Sawyer, Complete", ["Mark Twain (Samuel Clemens)"], None, None),
    "nasty/latin1-crlf-gutenberg-17997-passamaquoddy-folk-lore.txt": (
        "Contribution to Passamaquoddy Folk-Lore",
        ["J. Walter Fewkes"],
        33,
        None,
    ),
}


def expected(rel, path):
    """(title, authors, defined notes, references) expected for a file; None where unknown."""
    if rel in KNOWN:
        return KNOWN[rel]
    meta = path.parent / "expected-metadata.json"
    if path.name == "source.html" and meta.exists():
        m = json.loads(meta.read_text())
        return (m.get("title"), [m["byline"]] if m.get("byline") else [], None, None)
    return (None, None, None, None)


def norm(s):
    return " ".join((s or "").split()).casefold()


def title_match(got, want):
    """'exact', 'suffix' (equal once a ` - Site` part is dropped) or ''."""
    if norm(got) == norm(want):
        return "exact"
    g, w = norm(got), norm(want)
    if g and w and (w.startswith(g) or w.endswith(g)) and len(g) >= 4:
        return "suffix"
    return ""


def authors_match(got, want):
    g = [norm(a) for a in got]
    w = [norm(a) for a in want]
    if g == w:
        return "exact"
    if w and all(x in g for x in w):
        return "contains"
    return ""


def main():
    exe = binary()
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix not in (".json", ".md5") and p.name not in ("README.md", "SHA256SUMS", "expected.html"))
    tally = {"title": [0, 0], "authors": [0, 0], "notes": [0, 0], "refs": [0, 0]}
    print(f"{'file':58} {'ms':>6}  {'title':8} {'authors':9} {'notes':>9} {'refs':>9}")
    for path in files:
        rel = str(path.relative_to(CORPUS))
        start = time.monotonic()
        try:
            run = subprocess.run([exe, "inspect", str(path)], capture_output=True, timeout=20)
        except subprocess.TimeoutExpired:
            print(f"{rel:58} TIMEOUT")
            continue
        ms = (time.monotonic() - start) * 1000
        if run.returncode != 0:
            print(f"{rel:58} {ms:6.0f}  FAILED: {run.stderr.decode(errors='replace').strip()[:80]}")
            continue
        d = json.loads(run.stdout)
        want_title, want_authors, want_notes, want_refs = expected(rel, path)
        defined = sum(1 for f in d["footnotes"] if f["defined"])
        refs = sum(f["refs"] for f in d["footnotes"])
        cols = []
        if want_title is not None:
            m = title_match(d["title"], want_title)
            tally["title"][0] += bool(m)
            tally["title"][1] += 1
            cols.append(m or "NO")
        else:
            cols.append("-")
        if want_authors is not None:
            m = authors_match(d["authors"], want_authors)
            tally["authors"][0] += bool(m)
            tally["authors"][1] += 1
            cols.append(m or "NO")
        else:
            cols.append("-")
        for key, got, want in (("notes", defined, want_notes), ("refs", refs, want_refs)):
            if want is None:
                cols.append(f"{got}")
            else:
                tally[key][0] += got == want
                tally[key][1] += 1
                cols.append(f"{got}/{want}" + ("" if got == want else " NO"))
        print(f"{rel:58} {ms:6.0f}  {cols[0]:8} {cols[1]:9} {cols[2]:>9} {cols[3]:>9}")
        if cols[0] == "NO" or cols[1] == "NO":
            print(f"{'':58}         got {d['title']!r} / {d['authors']} want {want_title!r} / {want_authors}")
    print()
    for key, (ok, n) in tally.items():
        print(f"{key}: {ok}/{n} match")


main()
