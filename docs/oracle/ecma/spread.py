"""refmap's own ECMA-418-2 T(l), N(l) spread when its input is scaled by 1 +/- 2^-40 (the rule of notes/mosqito.md
#19 for roughness_dw): python3 spread.py FILE... > spread.json"""
import sys, os, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # refmap_ecma.py beside this file
import refmap_ecma as rm
ref = json.load(open('/work/shared/reference/mosqito.json'))['files']
out = {}
for f in sys.argv[1:]:
    name = os.path.basename(f)
    p = rm.read48k(f, ref[name]['calibration']['factor_pa_per_fs'])
    runs = {s: rm.analyse(p * (1 + s * 2.0 ** -40), True) for s in (-1, 0, 1)}
    rec = {}
    for key in ('tonality_t', 'loudness_t'):
        m = max(abs(v) for v in runs[0][key])
        rec[key + '_spread_of_max'] = max(max(abs(a - b) for a, b in zip(runs[s][key], runs[0][key])) for s in (-1, 1)) / m
    rec['tonality_avg'] = {s: runs[s]['tonality_avg'] for s in runs}
    out[name] = rec
    print(name, rec['tonality_t_spread_of_max'], rec['loudness_t_spread_of_max'], file=sys.stderr)
json.dump(out, sys.stdout, indent=1)
