"""Check that two store files have the same tables, indexes and row counts.

    python3 bench/same_store.py INGESTED.db PLAIN.db

bench/ingest-vs-plain.sh runs it on the file ingest wrote and the one
bench/plain_writer.py wrote, so that the comparison stays like for like
when the embedded store's layout changes. The saved adjacency is left out:
ingest computes it at the end, the plain writer does not. Exits 1, with
one line per difference, when they differ.
"""

import sqlite3
import sys


def shape(path):
    """The file's schema (whitespace folded) and each table's row count."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    schema = {name: " ".join(sql.split()) for name, sql in
              con.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL")}
    tables = [name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    counts = {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables if t != "adjacency"}
    con.close()
    return schema, counts


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: same_store.py INGESTED.db PLAIN.db")
    (sa, ca), (sb, cb) = shape(argv[1]), shape(argv[2])
    diffs = [f"schema of {k}: {sa.get(k)!r} vs {sb.get(k)!r}" for k in sorted(sa.keys() | sb.keys()) if sa.get(k) != sb.get(k)]
    diffs += [f"rows in {k}: {ca.get(k)} vs {cb.get(k)}" for k in sorted(ca.keys() | cb.keys()) if ca.get(k) != cb.get(k)]
    for d in diffs:
        print(f"same_store: {d}", file=sys.stderr)
    if diffs:
        sys.exit(1)
    print("same schema and row counts: " + ", ".join(f"{k} {v}" for k, v in sorted(ca.items())))


if __name__ == "__main__":
    main(sys.argv)
