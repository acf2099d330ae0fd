"""refmap-psychoacoustics ECMA-418-2:2025 binaural loudness (Section 8.1.5) and per-ear tonality of a stereo test
signal made here, written as 16-bit PCM for audioloop's test (testdata/ecma_binaural_stereo.wav).
Usage: python3 binaural.py OUT.wav OUT.json"""
import sys, os, json
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))  # refmap_ecma.py beside this file
import refmap_ecma  # noqa: patches refmap's np.mean call (see that file), puts refmap on the path
import numpy as np
from scipy.io import wavfile
shm = refmap_ecma.shm

fs = 48000
n = int(0.9 * fs)
rng = np.random.default_rng(418)
t = np.arange(n) / fs
def pinkish(seed):
    w = np.random.default_rng(seed).standard_normal(n)
    y = np.empty(n); s = 0.0
    for i in range(n):
        s = 0.9 * s + 0.1 * w[i]; y[i] = s
    return y
left = 0.15 * pinkish(1) + 0.04 * np.sin(2 * np.pi * 700 * t)
right = 0.06 * pinkish(2) + 0.02 * np.sin(2 * np.pi * 1500 * t) * (t > 0.45)
pcm = np.round(np.stack([left, right], axis=1) * 32768).clip(-32768, 32767).astype(np.int16)
wavfile.write(sys.argv[1], fs, pcm)
p = pcm.astype(np.float64) / 32768.0   # calibration 1 Pa per full scale
T = shm.shm_tonality_ecma(p, fs, axis=0, wait_bar=False)
L = shm.shm_loudness_ecma_from_comp(T['spec_tonal_loudness'], T['spec_noise_loudness'], binaural=True)
def arr(x):
    return np.asarray(x, dtype=float)
out = {'command': 'python3 /work/oracle/ecmabin/binaural.py (refmap-psychoacoustics HEAD of the mirror, np.mean patch)',
       'shapes': {k: list(np.shape(v)) for k, v in list(L.items()) + list(T.items()) if hasattr(v, 'shape')}}
lp = arr(L['loudness_powavg']).ravel()
out['loudness_powavg'] = lp.tolist()            # [left, right, binaural]
lt = arr(L['loudness_t'])
out['loudness_t'] = [lt[:, c].tolist() for c in range(lt.shape[1])] if lt.ndim == 2 else lt.tolist()
slp = arr(L['spec_loudness_powavg'])
out['spec_loudness_powavg'] = [slp[:, c].tolist() for c in range(slp.shape[1])] if slp.ndim == 2 else slp.tolist()
ta = arr(T['tonality_avg']).ravel()
out['tonality_avg'] = ta.tolist()
out['loudness_powavg_bin'] = float(arr(L['loudness_powavg_bin']))
out['loudness_t_bin'] = arr(L['loudness_t_bin']).tolist()
out['spec_loudness_powavg_bin'] = arr(L['spec_loudness_powavg_bin']).tolist()
tt = arr(T['tonality_t'])
out['tonality_t'] = [tt[:, c].tolist() for c in range(tt.shape[1])] if tt.ndim == 2 else tt.tolist()
json.dump(out, open(sys.argv[2], 'w'))
print(out['shapes'], lp, ta, file=sys.stderr)
