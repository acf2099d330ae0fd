"""End-to-end PA reference: refmap-psychoacoustics psych_annoy.py (widmannPA, morePA, diPA) evaluated on the inputs
audioloop's pipeline reports for shared recordings (`./audioloop analyze FILE --metrics annoyance --calibration
2.8284271247461903 > FILE.json`). Usage: python3 annoyance_end_to_end.py OUT.json FILE.json ...
(with refmap's psych_annoy.py beside this script)."""
import json, os, sys
import numpy as np
import psych_annoy as pa

a = lambda v: np.array([v], dtype=float)
rows = []
for path in sys.argv[2:]:
    d = json.load(open(path))
    i = d["annoyance"]["inputs"]
    w, m, di = i["widmann"], i["more"], i["di"]
    rows.append({"file": os.path.basename(d["file"]), "inputs": i,
                 "widmann_au": float(pa.widmannPA(a(w["loudness_n5_sone"]), a(w["sharpness_s5_acum"]),
                                                  a(w["roughness_r5_asper"]), a(w["fluctuation_f5_vacil"]))[0]),
                 "more_au": float(pa.morePA(a(m["loudness_n5_sone"]), a(m["sharpness_bismarck_s5_acum"]),
                                            a(m["roughness_r5_asper"]), a(m["fluctuation_f5_vacil"]),
                                            a(m["tonality_aures_t5_tu"]))[0]),
                 "di_au": float(pa.diPA(a(di["loudness_n5_sone"]), a(di["sharpness_aures_s5_acum"]),
                                        a(di["roughness_mean_asper"]), a(di["fluctuation_mean_vacil"]),
                                        a(di["tonality_aures_mean_tu"]))[0])})
with open(sys.argv[1], "w") as out:
    json.dump({"source": "refmap-psychoacoustics 2582e72 src/refmap_psychoacoustics/metrics/psych_annoy.py",
               "command": "python3 annoyance_end_to_end.py OUT " + " ".join(os.path.basename(p) for p in sys.argv[2:])
               + " (numpy %s)" % np.__version__, "files": rows}, out, indent=1)
