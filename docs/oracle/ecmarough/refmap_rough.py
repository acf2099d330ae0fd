"""Run refmap-psychoacoustics' ECMA-418-2:2025 roughness (sottek_hearing_model.shm_roughness_ecma, HEAD 2582e72
of the mirror, extracted in /work/oracle/ecma/refmap) on 48 kHz pressure signals and print JSON.

Usage: python3 refmap_rough.py [--series] [--diffuse] [--calib F] [--am70 SECONDS] file.wav ...

Input as audioloop's pipeline feeds its metrics (see /work/oracle/ecma/refmap_ecma.py). --am70: the standard's
roughness anchor, 1 kHz at 60 dB SPL, 100 % AM at 70 Hz, generated as audioloop's anchor test generates it.
No patch is needed for roughness (it does not use the band-ACF average).
"""
import sys, os, json, argparse
ECMA = '/work/oracle/ecma'
sys.path[:0] = [os.path.join(ECMA, 'stubs'), os.path.join(ECMA, 'refmap/src/refmap_psychoacoustics/metrics')]
import numpy as np
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'ecma'))
from pressure48k import read48k, am70  # noqa: E402 (the same reading as ../ecma)
import sottek_hearing_model as shm

def analyse(p, series, soundfield='free_frontal'):
    R = shm.shm_roughness_ecma(p, 48000, soundfield=soundfield, wait_bar=False)
    rec = {
        'n_samples_48k': int(p.size),
        'roughness90pc': float(np.ravel(R['roughness90pc'])[0]),
        'spec_roughness_avg': np.ravel(R['spec_roughness_avg']).tolist(),
        'n_frames': int(np.ravel(R['roughness_t']).size),
        'roughness_t_max': float(np.max(R['roughness_t'])),
    }
    if series:
        rec['roughness_t'] = np.ravel(R['roughness_t']).tolist()
        rec['spec_roughness'] = np.asarray(R['spec_roughness']).tolist()
    return rec

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--series', action='store_true')
    ap.add_argument('--calib', type=float, default=None)
    ap.add_argument('--am70', type=float, default=None)
    ap.add_argument('--diffuse', action='store_true', help="soundfield='diffuse'")
    ap.add_argument('files', nargs='*')
    a = ap.parse_args()
    out = {}
    if a.am70:
        out['am_1khz_70hz_60db'] = analyse(am70(a.am70), a.series, 'diffuse' if a.diffuse else 'free_frontal')
        print('am70', out['am_1khz_70hz_60db']['roughness90pc'], file=sys.stderr)
    ref = json.load(open('/work/shared/reference/mosqito.json'))['files']
    for f in a.files:
        name = os.path.basename(f)
        calib = a.calib if a.calib is not None else ref[name]['calibration']['factor_pa_per_fs']
        rec = analyse(read48k(f, calib), a.series, 'diffuse' if a.diffuse else 'free_frontal')
        rec['calibration_pa_per_fs'] = calib
        out[name] = rec
        print(name, rec['roughness90pc'], file=sys.stderr)
    json.dump(out, sys.stdout)
