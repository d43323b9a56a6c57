#!/usr/bin/env python3
"""Reads a `bilik export --format graphml` file with networkx and checks it against the
`bilik export --format json` document of the same state: every body with its names, branch,
seats, independence, HHI and control by principal; every channel step and power edge with its
kind, channel, seats, share and source.

Usage: python3 tests/graphml_check.py STATE.graphml STATE.json
Prints "ok: ..." and exits 0 when they agree; prints the first disagreement and exits 1
otherwise; exits 2 when networkx is not installed.
"""
import json
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx is not installed")
    sys.exit(2)


def close(a, b, tolerance=1e-9):
    return abs(a - b) < tolerance


def main(graphml_path, json_path):
    g = nx.read_graphml(graphml_path)
    doc = json.load(open(json_path, encoding="utf-8"))
    assert g.is_directed(), "the graph is not directed"
    assert g.graph["dataset"] == doc["dataset"]["id"], g.graph
    assert g.graph["as_of"] == doc["dataset"]["as_of"], g.graph
    assert g.graph.get("reforms", "") == ",".join(doc["reforms"]), g.graph
    assert close(g.graph["system_hhi"], doc["summary"]["system_hhi"]), g.graph

    bodies = {b["id"]: b for b in doc["bodies"]}
    assert set(g.nodes) == set(bodies), (sorted(g.nodes), sorted(bodies))
    checked = 0
    for node, attrs in g.nodes(data=True):
        b = bodies[node]
        for lang in ("en", "ru", "kk"):
            assert attrs["name_" + lang] == b["names"][lang], (node, lang, attrs)
        assert attrs["branch"] == b["branch"], (node, attrs)
        assert attrs["seats"] == b["seats"] and isinstance(attrs["seats"], int), (node, attrs)
        assert attrs["independent"] is b["independent"], (node, attrs)
        assert close(attrs["hhi"], b["hhi"]), (node, attrs)
        for principal, share in b["control"].items():
            assert close(attrs["control_" + principal], share), (node, principal, attrs)
        # Gephi's layout: the layered placement's centre of the body.
        assert isinstance(attrs["x"], float) and isinstance(attrs["y"], float), (node, attrs)
        checked += 1

    assert g.is_multigraph() or len(doc["edges"]) == g.number_of_edges()
    assert g.number_of_edges() == len(doc["edges"]), (g.number_of_edges(), len(doc["edges"]))
    found = {}
    for u, v, attrs in g.edges(data=True):
        key = (u, v, attrs["kind"], attrs.get("channel"))
        found.setdefault(key, []).append(attrs)
    for e in doc["edges"]:
        key = (e["from"], e["to"], e["kind"], e["channel"])
        assert key in found and found[key], ("missing edge", key)
        attrs = found[key].pop()
        # Gephi's weight: the channel's seats over the body's, 1 for a power edge.
        assert 0 < attrs["weight"] <= 1, (key, attrs)
        if e["seats"] is not None:
            assert close(attrs["weight"], min(1, e["seats"] / bodies[e["to"]]["seats"]), 1e-4), (key, attrs)
        else:
            assert attrs["weight"] == 1, (key, attrs)
        assert attrs["source"] == e["source"], (key, attrs, e)
        if e["seats"] is not None:
            assert attrs["seats"] == e["seats"], (key, attrs, e)
            assert close(attrs["share"], e["share"]), (key, attrs, e)
        else:
            assert "seats" not in attrs and "share" not in attrs, (key, attrs)
    print(
        f"ok: {g.number_of_nodes()} nodes and {g.number_of_edges()} edges agree with the JSON "
        f"export ({checked} bodies' attributes checked)"
    )


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print(__doc__)
        sys.exit(2)
    try:
        main(sys.argv[1], sys.argv[2])
    except AssertionError as err:
        print(f"disagreement: {err}")
        sys.exit(1)
