#!/usr/bin/env python3
"""How much MoSQITo's own TNR/PR move when only the FFT's rounding changes: pr/tnr_ecma_st on a shared file with
comp_spectrum's numpy.fft.fft replaced by scipy.fft.fft (both pocketfft) and by one hand-made radix-2
split over numpy's half-length FFTs (same DFT, different rounding). Usage: cd /work/oracle && MOSQITO_PATH=work/mosqito-fixed:work/stubs python3
tonality/fft_sensitivity.py FILE CALIB"""
import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import numpy as np, scipy.fft
import mosqito_ref as mr
mr._import_mosqito()
import mosqito.sound_level_meter.comp_spectrum
cs = sys.modules['mosqito.sound_level_meter.comp_spectrum']  # the package attribute is the function
import mosqito.sq_metrics as sq
fs, x, _ = mr.read_wav(sys.argv[1])
sig, _ = mr.to_48k(x * float(sys.argv[2]), fs)
def split_radix2(a, n=None, axis=0):
    # the same DFT, one radix-2 decimation-in-time step done by hand: X_k = E_k + e^{-2 pi i k/n} O_k
    a = np.asarray(a)
    n = len(a)
    if n % 2:
        return np.fft.fft(a)
    e, o = np.fft.fft(a[0::2]), np.fft.fft(a[1::2])
    k = np.arange(n)
    return e[k % (n // 2)] + np.exp(-2j * np.pi * k / n) * o[k % (n // 2)]


for label, fft in (('numpy.fft', np.fft.fft), ('scipy.fft', scipy.fft.fft), ('radix-2 split', split_radix2)):
    cs.fft = fft
    for name, f in (('TNR', sq.tnr_ecma_st), ('PR', sq.pr_ecma_st)):
        t, v, p, fr = f(sig.copy(), 48000, prominence=False)
        print(label, name, [(float(a), repr(float(b))) for a, b in zip(fr, v)])
