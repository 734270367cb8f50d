"""Usage: sqlite_copy.py SOURCE DESTINATION
Copies one SQLite database into another with SQLite's online backup API: consistent
while the site keeps writing (WAL mode included), and the destination, new or
existing, ends up exactly the source. Used by backup.sh and restore.sh."""

import sqlite3
import sys
from pathlib import Path


def main(source, destination):
    if not Path(source).is_file():
        sys.exit(f"no SQLite database at {source}")
    Path(destination).parent.mkdir(parents=True, exist_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(destination)
    try:
        src.backup(dst)
        (result,) = dst.execute("PRAGMA quick_check").fetchone()
    finally:
        src.close()
        dst.close()
    if result != "ok":
        sys.exit(f"the copy in {destination} is damaged: {result}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
