"""Write an ingest's rows to SQLite the plain way, and time the writes.

    python3 bench/plain_writer.py ROWS.json OUT.db

ROWS.json is what `ingest --dry-run --format json CORPUS.jsonl` prints: every
readout's nodes and edges. This lays them out as the embedded store does
(internal/graph/embedded: nodes numbered and keyed, edges and mentions
referring to node and readout numbers, evidence sentences stored once per
readout), numbering everything in Python beforehand, then writes them with
the standard library's sqlite3 (C SQLite): executemany per table, 1,024
readouts per transaction, the store's pragmas. Only the transactions and the
closing checkpoint are timed. Prints one line, "readouts N seconds S
readouts/s R".

The plain writer is handed each node once, with its final name and
properties; the store upserts it from every readout that names it.
"""

import hashlib
import json
import sqlite3
import sys
import time

READOUTS_PER_TRANSACTION = 1024  # embedded.Store.ReadoutsPerTransaction

# The embedded store's DSN pragmas (embedded.Open).
PRAGMAS = [
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA foreign_keys = 1",
    "PRAGMA cache_size = -65536",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA wal_autocheckpoint = 16384",
]

# embedded.Store.Migrate at layout 4; bench/same_store.py checks the two
# files agree, so a change to Migrate shows.
SCHEMA = [
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    """CREATE TABLE nodes (
        n INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, label TEXT NOT NULL, id TEXT NOT NULL,
        name TEXT NOT NULL, props TEXT NOT NULL DEFAULT '{}')""",
    """CREATE TABLE edges (
        type TEXT NOT NULL, src INTEGER NOT NULL, dst INTEGER NOT NULL, readout INTEGER NOT NULL,
        date TEXT NOT NULL DEFAULT '', ev INTEGER NOT NULL DEFAULT 0, props TEXT NOT NULL DEFAULT '{}')""",
    "CREATE INDEX edges_readout ON edges(readout)",
    "CREATE INDEX edges_src ON edges(src, dst, date)",
    "CREATE INDEX edges_dst ON edges(dst, src, date)",
    """CREATE TABLE mentions (readout INTEGER NOT NULL, node INTEGER NOT NULL,
        PRIMARY KEY (readout, node)) WITHOUT ROWID""",
    "CREATE INDEX mentions_node ON mentions(node)",
    """CREATE TABLE evidence (readout INTEGER NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (readout, n)) WITHOUT ROWID""",
    "CREATE TABLE readouts (n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, origin TEXT, fingerprint TEXT)",
    "CREATE INDEX readouts_origin ON readouts(origin)",
    "CREATE TABLE adjacency (id INTEGER PRIMARY KEY CHECK (id = 1), data BLOB NOT NULL)",
    "CREATE INDEX official_name ON nodes(name) WHERE label = 'Official'",
    "INSERT INTO meta(key, value) VALUES ('schema_version', '5')",
]

# Tables in the order a transaction fills them, with their inserts.
INSERTS = [
    ("nodes", "INSERT INTO nodes(n, key, label, id, name, props) VALUES (?, ?, ?, ?, ?, ?)"),
    ("readouts", "INSERT INTO readouts(n, id, origin, fingerprint) VALUES (?, ?, ?, ?)"),
    ("mentions", "INSERT INTO mentions(readout, node) VALUES (?, ?)"),
    ("evidence", "INSERT INTO evidence(readout, n, text) VALUES (?, ?, ?)"),
    ("edges", "INSERT INTO edges(type, src, dst, readout, date, ev, props) VALUES (?, ?, ?, ?, ?, ?, ?)"),
]


def props_json(props):
    """Properties as the store writes them (Go's json.Marshal of a map)."""
    if not props:
        return "{}"
    return json.dumps(props, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def final_nodes(docs):
    """Each node's last name and merged properties, by key: what the
    store's upserts leave in the file."""
    nodes = {}
    for doc in docs:
        for node in doc["nodes"]:
            old = nodes.setdefault(node["key"], dict(node, props={}))
            old["name"] = node["name"]
            old["props"].update(node.get("props") or {})
    return nodes


class Rows:
    """Numbers nodes, readouts and evidence as first met, and
    collects one transaction's rows per table."""

    def __init__(self, nodes):
        self.nodes = nodes
        self.node_n, self.cite_n, self.evidence_n = {}, {}, {}
        self.tables = None

    def batch(self, docs):
        self.tables = {table: [] for table, _ in INSERTS}
        for doc in docs:
            self.add(doc)
        return self.tables

    def node(self, key):
        if key not in self.node_n:
            self.node_n[key] = len(self.node_n) + 1
            nd = self.nodes[key]
            self.tables["nodes"].append((self.node_n[key], key, nd["label"], nd["id"], nd["name"], props_json(nd["props"])))
        return self.node_n[key]

    def cite(self, readout, origin=None, fingerprint=None):
        if readout not in self.cite_n:
            self.cite_n[readout] = len(self.cite_n) + 1
            self.tables["readouts"].append((self.cite_n[readout], readout, origin, fingerprint))
        return self.cite_n[readout]

    def evidence(self, readout, text):
        if not text:
            return 0
        c = self.cite(readout)
        nums = self.evidence_n.setdefault(c, {})
        if text not in nums:
            nums[text] = len(nums) + 1
            self.tables["evidence"].append((c, nums[text], text))
        return nums[text]

    def add(self, doc):
        origin = doc["nodes"][0]["props"].get("origin", "")
        fingerprint = hashlib.sha256(json.dumps(doc, sort_keys=True).encode()).hexdigest()[:16]
        self.cite(doc["id"], origin, fingerprint)  # the readout is stored: numbered now, as the store does
        for node in doc["nodes"]:
            self.node(node["key"])
        seen = set()
        for e in doc["edges"]:
            if e["type"] == "MENTIONS":
                row = (self.cite(e["readout"]), self.node(e["to"]))
                table = "mentions"
            else:
                row = (e["type"], self.node(e["from"]), self.node(e["to"]), self.cite(e["readout"]),
                       e["date"], self.evidence(e["readout"], e["evidence"]), props_json(e.get("props")))
                table = "edges"
            key = row if table == "mentions" else row[:4] + row[6:]
            if key not in seen:  # an edge or mention is stored once per readout
                seen.add(key)
                self.tables[table].append(row)


def prepare(docs):
    rows = Rows(final_nodes(docs))
    n = READOUTS_PER_TRANSACTION
    return [rows.batch(docs[i:i + n]) for i in range(0, len(docs), n)]


def write(path, batches):
    """Create the schema, then time writing every batch and closing."""
    con = sqlite3.connect(path, isolation_level=None)
    for p in PRAGMAS:
        con.execute(p)
    con.execute("BEGIN IMMEDIATE")
    for s in SCHEMA:
        con.execute(s)
    con.execute("COMMIT")
    start = time.perf_counter()
    for tables in batches:
        con.execute("BEGIN IMMEDIATE")
        for table, sql in INSERTS:
            con.executemany(sql, tables[table])
        con.execute("COMMIT")
    con.close()  # the last checkpoint is part of writing
    return time.perf_counter() - start


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: plain_writer.py ROWS.json OUT.db")
    with open(argv[1], encoding="utf-8") as f:
        docs = json.load(f)["readouts"]
    if not docs:
        sys.exit(f"plain_writer: {argv[1]} holds no readouts")
    batches = prepare(docs)
    secs = write(argv[2], batches)
    print(f"readouts {len(docs)} seconds {secs:.3f} readouts/s {len(docs) / secs:.0f}")


if __name__ == "__main__":
    main(sys.argv)
