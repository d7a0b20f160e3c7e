#!/usr/bin/env python3
"""What a CHECK costs SQLite per inserted row, by the form of its condition: a chain of comparisons, instr() over a
list, an IN list of constants, or none. Four checked columns of 40 allowed values each, 200,000 rows, one cached
INSERT executed per row (as the worker's batch does). Why `EnumCheck.condition(in:)` writes chains on SQLite."""
import sqlite3, time
vs = ["v%d"%i for i in range(40)]
vals = ",".join("'%s'"%v for v in vs)
def ors(c): return " OR ".join(f"{c} = '{v}'" for v in vs)
def instr(c): return f"instr(',{','.join(vs)},', ',' || {c} || ',') > 0"
for name, f in [("or", ors), ("instr", instr), ("in", lambda c: f"{c} IN ({vals})"), ("none", None)]:
    cols = ", ".join(f"{c} TEXT" + (f" CHECK ({f(c)})" if f else "") for c in "abcd")
    db = sqlite3.connect(":memory:")
    db.execute(f"CREATE TABLE t({cols})")
    rows = [("v%d"%(i%40),)*4 for i in range(200000)]
    t=time.time()
    db.executemany("INSERT INTO t VALUES (?,?,?,?)", rows)
    db.commit()
    print(name, (time.time()-t)/200000*1e6, "us/row")
    try:
        db.execute("INSERT INTO t VALUES ('x','v1','v1','v1')"); print("  accepted bad!")
    except Exception as e: print("  rejected", e)
