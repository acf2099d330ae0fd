"""Run refmap-psychoacoustics' ECMA-418-2:2025 loudness/tonality (sottek_hearing_model, HEAD of the mirror)
on a 48 kHz pressure signal and print JSON.

Usage: python3 refmap_ecma.py [--series] [--calib F] file.wav ...   (or: --tone1k40 SECONDS for the anchor)

Input: as audioloop's pipeline feeds its metrics: WAV PCM / 2^(bits-1), channel mean, resample_poly to 48 kHz
(only for files not at 48 kHz), times the calibration in Pa per full scale (mosqito.json).

Patch (outside refmap's files): refmap's shm_band_loud_components averages the band ACFs with
np.mean(object_array_slice, axis=0). With numpy 2.4 (Debian) the object reduction accumulates *in place* into
the first array of the slice, so every later band that reuses that array sees a corrupted ACF (1 kHz 40 dB tone:
5.25 sone_HMS instead of 1). The wrapper below hands it fresh copies of the arrays it averages, which makes the
computation the mean the standard (Section 6.2.3) prescribes.
"""
import sys, os, json, argparse
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, 'stubs'), os.path.join(HERE, 'refmap/src/refmap_psychoacoustics/metrics')]
import numpy as np
import sottek_hearing_model as shm
from pressure48k import read48k  # noqa: E402 (beside this file)
st = sys.modules['sottek_hearing_model.shm_tonality_ecma']
_orig = st.shm_band_loud_components

def _copying(z_band, band_centre_freqs, block_size_bands, last_block, dfz, acf, i_avg):
    fresh = np.empty(acf.shape, dtype=object)
    for i in range(acf.shape[0]):
        fresh[i] = acf[i].copy()
    return _orig(z_band, band_centre_freqs, block_size_bands, last_block, dfz, fresh, i_avg)
st.shm_band_loud_components = _copying

def analyse(p, series):
    T = shm.shm_tonality_ecma(p, 48000, wait_bar=False)
    L = shm.shm_loudness_ecma_from_comp(T['spec_tonal_loudness'], T['spec_noise_loudness'])
    rec = {
        'n_samples_48k': int(p.size),
        'loudness_powavg': float(np.ravel(L['loudness_powavg'])[0]),
        'spec_loudness_powavg': np.ravel(L['spec_loudness_powavg']).tolist(),
        'tonality_avg': float(np.ravel(T['tonality_avg'])[0]),
        'spec_tonality_avg': np.ravel(T['spec_tonality_avg']).tolist(),
        'n_frames': int(T['tonality_t'].size),
        'loudness_t_max': float(np.max(L['loudness_t'])),
        'tonality_t_max': float(np.max(T['tonality_t'])),
    }
    if series:
        rec['loudness_t'] = np.ravel(L['loudness_t']).tolist()
        rec['tonality_t'] = np.ravel(T['tonality_t']).tolist()
    return rec

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--series', action='store_true')
    ap.add_argument('--calib', type=float, default=None)
    ap.add_argument('--tone1k40', type=float, default=None)
    ap.add_argument('files', nargs='*')
    a = ap.parse_args()
    out = {}
    if a.tone1k40:
        n = int(a.tone1k40 * 48000)
        t = np.arange(n) / 48000.0
        out['tone_1khz_40db'] = analyse(np.sqrt(2) * 2e-5 * 10 ** (40 / 20) * np.sin(2 * np.pi * 1000 * t), a.series)
    ref = json.load(open('/work/shared/reference/mosqito.json'))['files']
    for f in a.files:
        name = os.path.basename(f)
        calib = a.calib if a.calib is not None else ref[name]['calibration']['factor_pa_per_fs']
        rec = analyse(read48k(f, calib), a.series)
        rec['calibration_pa_per_fs'] = calib
        out[name] = rec
        print(name, rec['loudness_powavg'], rec['tonality_avg'], file=sys.stderr)
    json.dump(out, sys.stdout)
