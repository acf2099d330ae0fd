"""MoSQITo 1.2.1 loudness_ecma (ECMA-418-2:2022 edition) on the same 48 kHz pressure signals as refmap_ecma.py.
Usage: cd /work/oracle && MOSQITO_PATH=work/mosqito-fixed:work/stubs /usr/bin/python3 ecma/mosqito_ecma.py FILES..."""
import sys, os, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, '/work/oracle')
import mosqito_ref as mr
mr._import_mosqito()
import numpy as np
import mosqito.sq_metrics as sq
from pressure48k import read48k  # the same reading as refmap_ecma.py

out = {}
ref = json.load(open('/work/shared/reference/mosqito.json'))['files']
for f in sys.argv[1:]:
    if f == 'tone1k40':
        t = np.arange(3 * 48000) / 48000.0
        p = np.sqrt(2) * 2e-5 * 10 ** (40 / 20) * np.sin(2 * np.pi * 1000 * t)
        name = 'tone_1khz_40db_3s'
    else:
        name = os.path.basename(f)
        p = read48k(f, ref[name]['calibration']['factor_pa_per_fs'])
    N, Nt = sq.loudness_ecma(p, 48000)[:2]
    out[name] = {'loudness_ecma_2022_N': float(N), 'N_time_max': float(np.max(Nt)), 'n_time': int(np.size(Nt))}
    print(name, out[name], file=sys.stderr)
json.dump(out, sys.stdout, indent=1)
