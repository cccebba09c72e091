"""Which Lectern binary the scripts in this folder run."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def binary():
    """$LECTERN, else the newer of the release and debug builds."""
    if os.environ.get("LECTERN"):
        return os.environ["LECTERN"]
    builds = [ROOT / "target" / p / "lectern" for p in ("release", "debug")]
    builds = [p for p in builds if p.exists()]
    if not builds:
        sys.exit("build lectern first (cargo build --release)")
    return str(max(builds, key=lambda p: p.stat().st_mtime))
