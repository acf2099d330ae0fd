"""MoSQITo 1.2.1 roughness_ecma (ECMA-418-2:2022 edition) on the same 48 kHz pressure signals as refmap_rough.py.
Usage: cd /work/oracle && MOSQITO_PATH=work/mosqito-fixed:work/stubs /usr/bin/python3 ecmarough/mosqito_rough.py [am70] FILES..."""
import sys, os, json, time
sys.path.insert(0, '/work/oracle')
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mosqito_ref as mr
mr._import_mosqito()
import numpy as np
import mosqito.sq_metrics as sq
import math
from scipy.io import wavfile
from scipy.signal import resample_poly

def read48k(path, calib):
    # as refmap_rough.py: PCM / 2^(bits-1), channel mean, resample_poly, x calibration
    fs, data = wavfile.read(path)
    x = data.astype(np.float64) / float(2 ** (8 * data.dtype.itemsize - 1))
    if x.ndim == 2:
        x = x.mean(axis=1)
    if fs != 48000:
        g = math.gcd(48000, fs)
        x = resample_poly(x, 48000 // g, fs // g)
    return x * calib

def am70(seconds):
    # as refmap_rough.py
    n = int(round(seconds * 48000))
    t = np.arange(n) / 48000.0
    x = (1 + np.cos(2 * np.pi * 70 * t)) * np.sin(2 * np.pi * 1000 * t)
    return x * (2e-5 * 10 ** (60 / 20) / np.sqrt(np.mean(x ** 2)))
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
