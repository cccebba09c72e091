#!/usr/bin/env python3
"""Generates a library of N articles (a third each of .txt, .md and .html, 200 to 30,000
words) under ROOT, for the library and search benchmarks.

A few articles carry something to look for: the phrase "Chunxiao gas field" in five of
them, and one in forty a sentence with accented names (Natásha, Zürich, Łódź), so a
search that ignores accents has real work to do.

usage: scripts/gen-library.py ROOT [N]
"""
import os, random, sys

root, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10000
rng = random.Random(6)
words = ("river harbour council budget winter thaw train night essay commons brush ink market "
         "street report season water north coast bridge station record paper village mountain "
         "archive letter evening morning policy school garden factory voice witness island "
         "quarter harvest ledger lantern meadow orchard pilgrim quarry rampart signal timber").split()
first = "Ana Tomas Li Wei Marta Jonas Priya Kofi Elena Sven Yuki Omar Ines Piotr Lena".split()
last = "Ruiz Okafor Marchetti Lindqvist Tanaka Haddad Novak Costa Brandt Moreau Silva Kowalski".split()
months = "January February March April May June July August September October November December".split()
RARE = ("Survey ships were seen again near the Chunxiao gas field, the fishermen said, "
        "for the first time since the spring.")
ACCENTED = ("Natásha wrote from Zürich that the café near the station in Łódź had closed, "
            "and that Renée had kept its ledger.")


def sentence():
    s = " ".join(rng.choice(words) for _ in range(rng.randint(8, 22)))
    return s[0].upper() + s[1:] + "."


def paragraphs(total):
    out, count = [], 0
    while count < total:
        p = " ".join(sentence() for _ in range(rng.randint(3, 7)))
        count += len(p.split())
        out.append(p)
    return out


for i in range(n):
    sub = os.path.join(root, f"topic-{i % 37:02d}", f"year-{2000 + i % 19}")
    os.makedirs(sub, exist_ok=True)
    size = rng.choice([200, 400, 800, 1500, 3000, 6000]) if i % 250 else 30000
    title = " ".join(rng.choice(words) for _ in range(rng.randint(3, 8))).title() + f" {i}"
    author = f"{rng.choice(first)} {rng.choice(last)}"
    date = f"{rng.randint(1, 28)} {rng.choice(months)} {rng.randint(1995, 2025)}"
    body = paragraphs(size)
    # Planted by index, without drawing on the generator, so the rest stays as it was.
    if i % 1999 == 7:
        body.insert(len(body) // 2, body[len(body) // 2] + " " + RARE)
    if i % 40 == 13:
        body.insert(1, ACCENTED)
    kind = i % 3
    if kind == 0:
        text = f"{title}\n\nby {author}\n{date}\n\n" + "\n\n".join(body) + "\n"
        name = f"article-{i:05d}.txt"
    elif kind == 1:
        text = f"# {title}\n\n*By {author}, {date}*\n\n" + "\n\n".join(body) + "\n"
        name = f"article-{i:05d}.md"
    else:
        ps = "\n".join(f"<p>{p}</p>" for p in body)
        text = (f"<!doctype html><html><head><meta charset=utf-8><title>{title}</title></head>"
                f"<body><article><h1>{title}</h1><p class=byline>By {author}</p>"
                f"<time>{date}</time>\n{ps}\n</article></body></html>\n")
        name = f"article-{i:05d}.html"
    with open(os.path.join(sub, name), "w", encoding="utf-8") as f:
        f.write(text)
