#!/usr/bin/env python3
"""The reference path for bilik's control figures, with networkx and scipy.

Usage: peer.py SYSTEM.json [--time-only]

SYSTEM.json is what `cargo run --release --example system -- FILE.ron` writes: for each body
the fraction of its seats each actor fills (a row of the system), whether it is a principal,
and bilik's integrated control at full precision. The peer loads it, builds the graph with
networkx and the sparse system with scipy, and solves

    (I - Q) X = R

for the integrated control X of every non-principal body over the principals (Q: rows among
non-principals, R: rows into principals), once with the direct sparse solver (spsolve) and once
with an iterative one (BiCGSTAB, one right-hand side per principal). It prints, as one JSON
line, the time of each phase in seconds and the largest absolute difference of each solution
from bilik's values.
"""

import json
import sys
import time


def main():
    path = sys.argv[1]
    t0 = time.perf_counter()
    import networkx as nx
    import numpy as np
    import scipy.sparse as sp
    import scipy.sparse.linalg as spla

    t_import = time.perf_counter()
    with open(path, encoding="utf-8") as f:
        system = json.load(f)
    t_load = time.perf_counter()

    g = nx.DiGraph()
    for b in system["bodies"]:
        g.add_node(b["id"])
        for actor, w in b["row"].items():
            g.add_edge(b["id"], actor, weight=w)
    principals = system["principals"]
    pset = set(principals)
    transient = [b["id"] for b in system["bodies"] if b["id"] not in pset]
    order = transient + principals
    m = nx.to_scipy_sparse_array(g, nodelist=order, weight="weight", format="csr")
    n = len(transient)
    q = m[:n, :n]
    r = m[:n, n:].toarray()
    a = (sp.identity(n, format="csc") - q.tocsc()).tocsc()
    t_build = time.perf_counter()

    x_direct = spla.spsolve(a, r)
    if x_direct.ndim == 1:
        x_direct = x_direct.reshape(-1, 1)
    t_direct = time.perf_counter()

    x_iter = np.zeros_like(r)
    for k in range(r.shape[1]):
        try:
            sol, info = spla.bicgstab(a, r[:, k], rtol=1e-14, atol=0.0, maxiter=10000)
        except TypeError:  # scipy before 1.12 names it `tol`
            sol, info = spla.bicgstab(a, r[:, k], tol=1e-14, atol=0.0, maxiter=10000)
        if info != 0:
            print(f"BiCGSTAB did not converge for {principals[k]}: info {info}", file=sys.stderr)
        x_iter[:, k] = sol
    t_iter = time.perf_counter()

    by_id = {b["id"]: b for b in system["bodies"]}
    expected = np.array(
        [[by_id[t]["control"].get(p, 0.0) for p in principals] for t in transient]
    )
    out = {
        "bodies": len(system["bodies"]),
        "import_s": t_import - t0,
        "load_s": t_load - t_import,
        "build_s": t_build - t_load,
        "spsolve_s": t_direct - t_build,
        "iterative_s": t_iter - t_direct,
        "max_diff_spsolve": float(np.max(np.abs(x_direct - expected))) if n else 0.0,
        "max_diff_iterative": float(np.max(np.abs(x_iter - expected))) if n else 0.0,
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
