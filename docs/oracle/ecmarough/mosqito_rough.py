"""MoSQITo 1.2.1 roughness_ecma (ECMA-418-2:2022 edition) on the same 48 kHz pressure signals as refmap_rough.py.
Usage: cd /work/oracle && MOSQITO_PATH=work/mosqito-fixed:work/stubs /usr/bin/python3 ecmarough/mosqito_rough.py [am70] FILES..."""
import sys, os, json, time
sys.path.insert(0, '/work/oracle')
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mosqito_ref as mr
mr._import_mosqito()
import numpy as np
import mosqito.sq_metrics as sq
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'ecma'))
from pressure48k import read48k, am70  # noqa: E402 (the same reading as ../ecma)

if __name__ == '__main__':
    out = {}
    ref = json.load(open('/work/shared/reference/mosqito.json'))['files']
    for f in sys.argv[1:]:
        if f == 'am70':
            name, p = 'am_1khz_70hz_60db_3s', am70(3.0)
        else:
            name = os.path.basename(f)
            p = read48k(f, ref[name]['calibration']['factor_pa_per_fs'])
        t0 = time.process_time()
        R, Rt = sq.roughness_ecma(p, 48000)[:2]
        out[name] = {'roughness_ecma_2022_R': float(R), 'R_time_max': float(np.max(Rt)), 'n_time': int(np.size(Rt)),
                     'cpu_s': time.process_time() - t0, 'duration_s': p.size / 48000}
        print(name, out[name], file=sys.stderr)
        json.dump(out, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'mosqito_2022.json'), 'w'), indent=1)
