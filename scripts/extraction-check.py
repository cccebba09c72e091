#!/usr/bin/env python3
"""Measures how well Lectern finds the article on real web pages, on the two public
benchmarks in ../shared/corpus, read in place (nothing is copied into the project):

- article-extraction-benchmark/: 181 pages with article bodies marked by people. The
  measure is the benchmark's own (its README): word tokens (\\w+), 4-word shingles counted
  with multiplicity, true/false positives and false negatives normalised per page,
  precision and recall averaged over pages, F1 of the two averages.
- readability/: 65 pages with Mozilla Readability's expected article and metadata. Body
  word F1 (bags of \\w+ words), title (equal, or one contains the other), byline (the
  authors Lectern found against Readability's byline) and date (the ISO day).

With trafilatura installed (`pip install trafilatura lxml_html_clean`), its figures are
printed beside Lectern's from the same run.

Usage: scripts/extraction-check.py [--worst N] [--only extraction|readability] [CORPUS_DIR]
LECTERN=path/to/binary picks a build (default: the newest of target/release, target/debug).
"""

import argparse
import gzip
import html
import json
import os
import re
import statistics
import subprocess
import resource
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from lectern_build import binary  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
TOKEN = re.compile(r"\w+", re.UNICODE)


def child_cpu():
    """Processor seconds used by finished children so far (user and system)."""
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def inspect(exe, path):
    """Lectern's parse of a file as a dict, and the wall and processor time it took in ms.

    Processor time is the figure to compare on a shared machine: it does not count the
    time spent waiting for a core."""
    start, cpu = time.monotonic(), child_cpu()
    run = subprocess.run([exe, "inspect", str(path)], capture_output=True, timeout=60)
    ms = (time.monotonic() - start) * 1000
    cpu_ms = (child_cpu() - cpu) * 1000
    if run.returncode != 0:
        return None, ms, cpu_ms
    return json.loads(run.stdout), ms, cpu_ms


def body_text(doc, captions=False):
    """The article's body blocks; notes, removed chrome and (unless asked) figure captions
    and image descriptions, which the reader sets apart as captions, aside."""
    if doc is None:
        return ""
    return "\n".join(b["text"] for b in doc["blocks"] if captions or b["kind"] != "caption")


def shingles(text, n=4):
    tokens = TOKEN.findall(text or "")
    grams = [tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))]
    return Counter(g for g in grams if g)


def tp_fp_fn(truth, pred):
    t, p = shingles(truth), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def precision(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def recall(tp, fp, fn):
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def summary(counts):
    """(F1, precision, recall) over pages, as the benchmark computes them."""
    p = statistics.mean(precision(*c) for c in counts if c[0] + c[1] > 0)
    r = statistics.mean(recall(*c) for c in counts if c[0] + c[2] > 0)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def page_f1(c):
    p, r = precision(*c), recall(*c)
    return 2 * p * r / (p + r) if p + r else 0.0


def trafilatura_extract():
    """trafilatura's extract function, or None when it is not installed."""
    try:
        import trafilatura  # noqa: PLC0415
    except ImportError:
        return None
    return lambda page: trafilatura.extract(page, include_comments=False) or ""


def extraction(exe, corpus, worst, traf):
    bench = corpus / "article-extraction-benchmark"
    if not bench.exists():
        print(f"(no {bench}: extraction benchmark skipped)")
        return
    truth = json.loads((bench / "ground-truth.json").read_text())
    ours, shown, theirs, times, cpus, traf_times, rows = [], [], [], [], [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for key in sorted(truth):
            raw = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes())
            page = Path(tmp) / f"{key}.html"
            page.write_bytes(raw)
            doc, ms, cpu_ms = inspect(exe, page)
            times.append(ms)
            cpus.append(cpu_ms)
            want = truth[key].get("articleBody", "")
            c = tp_fp_fn(want, body_text(doc))
            ours.append(c)
            shown.append(tp_fp_fn(want, body_text(doc, captions=True)))
            words = len(TOKEN.findall(want))
            extraction_kind = (doc or {}).get("extraction", "-")
            rows.append((page_f1(c), words, truth[key].get("url", key), extraction_kind, doc is None))
            if traf:
                start = time.process_time()
                text = traf(raw.decode("utf-8", errors="replace"))
                traf_times.append((time.process_time() - start) * 1000)
                theirs.append(tp_fp_fn(want, text))
    f1, p, r = summary(ours)
    print("Article extraction benchmark (181 pages, 4-word shingles)")
    print(f"{'extractor':14} {'F1':>6} {'precision':>10} {'recall':>7}")
    print(f"{'lectern':14} {f1:6.3f} {p:10.3f} {r:7.3f}")
    f1, p, r = summary(shown)
    print(f"{'  + captions':14} {f1:6.3f} {p:10.3f} {r:7.3f}   (captions and image descriptions counted as body)")
    if theirs:
        f1, p, r = summary(theirs)
        print(f"{'trafilatura':14} {f1:6.3f} {p:10.3f} {r:7.3f}")
        better = sum(1 for a, b in zip(ours, theirs) if page_f1(a) > page_f1(b) + 0.01)
        worse = sum(1 for a, b in zip(ours, theirs) if page_f1(a) + 0.01 < page_f1(b))
        print(f"pages where lectern is better by > 0.01: {better}, worse: {worse}")
    low = [r for r in rows if r[0] < 0.5 and r[1] > 50]
    print(f"pages under 0.5 with a body over 50 words: {len(low)}")
    print(f"pages under 0.8: {sum(1 for r in rows if r[0] < 0.8)}")
    print(
        f"lectern inspect per page (a whole process): processor time median "
        f"{statistics.median(cpus):.1f} ms, max {max(cpus):.1f} ms; wall time median "
        f"{statistics.median(times):.1f} ms"
    )
    if traf_times:
        print(
            f"trafilatura per page (in process, extraction only): processor time median "
            f"{statistics.median(traf_times):.1f} ms"
        )
    print(f"worst {worst}:")
    for f, words, url, kind, failed in sorted(rows)[:worst]:
        note = " FAILED" if failed else ("" if kind in ("-", "article") else f" ({kind})")
        print(f"  {f:5.3f} {words:6} words  {url}{note}")
    print()


def words(text):
    return Counter(w.casefold() for w in TOKEN.findall(text or ""))


def word_f1(want, got):
    w, g = words(want), words(got)
    tp = sum((w & g).values())
    if not w and not g:
        return 1.0
    if tp == 0:
        return 0.0
    p, r = tp / sum(g.values()), tp / sum(w.values())
    return 2 * p * r / (p + r)


def html_text(src):
    """The visible words of Readability's expected article."""
    src = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", src)
    return html.unescape(re.sub(r"<[^>]+>", " ", src))


def norm(s):
    return " ".join(html.unescape(s or "").split()).casefold()


def title_ok(got, want):
    g, w = norm(got), norm(want)
    return bool(g and w and (g == w or g in w or w in g))


def byline_ok(authors, want):
    """Readability's byline names every author Lectern found (its byline may carry more:
    "By", a desk, a date); with no expected byline, Lectern should find none either."""
    w = norm(want)
    g = [norm(a) for a in authors]
    if not w:
        return not g
    return bool(g) and all(a in w for a in g)


def readability(exe, corpus, worst, traf):
    pages = corpus / "readability"
    if not pages.exists():
        print(f"(no {pages}: Readability pages skipped)")
        return
    rows, traf_f1 = [], []
    tally = {"title": [0, 0], "byline": [0, 0], "date": [0, 0]}
    misses = []
    for folder in sorted(p for p in pages.iterdir() if (p / "source.html").exists()):
        meta = json.loads((folder / "expected-metadata.json").read_text())
        want = html_text((folder / "expected.html").read_text(errors="replace"))
        doc, _, _ = inspect(exe, folder / "source.html")
        # Readability keeps the notes in the article; Lectern shows them in its Notes section.
        notes = "\n".join(n["text"] for n in (doc or {}).get("footnotes", []))
        f = word_f1(want, body_text(doc, captions=True) + "\n" + notes)
        rows.append((f, folder.name))
        if traf:
            traf_f1.append(word_f1(want, traf((folder / "source.html").read_text(errors="replace"))))
        doc = doc or {"title": None, "authors": [], "date": None}
        if meta.get("title"):
            ok = title_ok(doc.get("title"), meta["title"])
            tally["title"][0] += ok
            tally["title"][1] += 1
            if not ok:
                misses.append(f"  title  {folder.name}: got {doc.get('title')!r}, want {meta['title']!r}")
        if True:
            ok = byline_ok(doc.get("authors") or [], meta.get("byline"))
            tally["byline"][0] += ok
            tally["byline"][1] += 1
            if not ok:
                misses.append(f"  byline {folder.name}: got {doc.get('authors')}, want {meta.get('byline')!r}")
        if meta.get("publishedTime"):
            want_day = meta["publishedTime"][:10]
            got_day = ((doc.get("date") or {}).get("iso") or "")[:10]
            ok = got_day == want_day
            tally["date"][0] += ok
            tally["date"][1] += 1
            if not ok:
                misses.append(f"  date   {folder.name}: got {got_day or None}, want {want_day}")
    print(f"Readability test pages ({len(rows)})")
    print(f"{'extractor':14} {'body word F1 (mean)':>20}")
    print(f"{'lectern':14} {statistics.mean(f for f, _ in rows):20.3f}")
    if traf_f1:
        print(f"{'trafilatura':14} {statistics.mean(traf_f1):20.3f}")
    for key, (ok, n) in tally.items():
        print(f"{key}: {ok}/{n}")
    print(f"worst {worst} bodies:")
    for f, name in sorted(rows)[:worst]:
        print(f"  {f:5.3f} {name}")
    print("metadata misses:")
    print("\n".join(misses) if misses else "  none")
    print()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--worst", type=int, default=15)
    ap.add_argument("--only", choices=["extraction", "readability"])
    ap.add_argument("--no-peer", action="store_true", help="skip trafilatura even when installed")
    args = ap.parse_args()
    exe = binary()
    traf = None if args.no_peer else trafilatura_extract()
    if traf is None and not args.no_peer:
        print("(trafilatura not installed: pip install trafilatura lxml_html_clean to compare)\n")
    if args.only in (None, "extraction"):
        extraction(exe, args.corpus, args.worst, traf)
    if args.only in (None, "readability"):
        readability(exe, args.corpus, args.worst, traf)


main()
