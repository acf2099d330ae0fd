"""Reference numbers for audioloop.annoyance: refmap-psychoacoustics psych_annoy.py (widmannPA, morePA, diPA)
on a grid of inputs, evaluated with Debian's numpy. Writes the JSON test resource."""
import itertools, json, sys
import numpy as np
import psych_annoy as pa

rows = []
for n, s, r, f, k in itertools.product([0.05, 0.5, 1.0, 4.2, 20.0, 93.7],
                                       [0.3, 1.75, 1.7500001, 2.31, 4.0],
                                       [0.0, 0.034, 0.5, 2.2],
                                       [0.0, 0.11, 1.3],
                                       [0.0, 0.07, 0.35, 0.9, 1.2]):
    a = lambda v: np.array([v], dtype=float)
    rows.append({"n5_sone": n, "s5_acum": s, "r_asper": r, "f_vacil": f, "k_tu": k,
                 "widmann_au": float(pa.widmannPA(a(n), a(s), a(r), a(f))[0]),
                 "more_au": float(pa.morePA(a(n), a(s), a(r), a(f), a(k))[0]),
                 "di_au": float(pa.diPA(a(n), a(s), a(r), a(f), a(k))[0])})
with open(sys.argv[1], "w") as out:
    out.write('{"source": "refmap-psychoacoustics 2582e72 src/refmap_psychoacoustics/metrics/psych_annoy.py",\n')
    out.write(' "command": "python3 make_grid.py OUT (numpy %s)",\n "rows": [\n' % np.__version__)
    out.write(",\n".join(json.dumps(r) for r in rows))
    out.write("\n]}\n")
print(len(rows), "rows")
