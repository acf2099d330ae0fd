"""The 48 kHz pressure signals every ECMA-418-2 oracle script feeds its reference (refmap, MoSQITo) with: as
audioloop's pipeline feeds its metrics. read48k: PCM / 2^(bits-1), channel mean, scipy resample_poly to 48 kHz (only
for files not at 48 kHz), times the calibration in Pa per full scale. am70: the roughness anchor, 1 kHz at 60 dB SPL,
100 % AM at 70 Hz, generated as audioloop's anchor test generates it."""
import math
import numpy as np
from scipy.io import wavfile
from scipy.signal import resample_poly


def read48k(path, calib):
    fs, data = wavfile.read(path)
    bits = 8 * data.dtype.itemsize
    x = data.astype(np.float64) / float(2 ** (bits - 1))
    if x.ndim == 2:
        x = x.mean(axis=1)
    if fs != 48000:
        g = math.gcd(48000, fs)
        x = resample_poly(x, 48000 // g, fs // g)
    return x * calib


def am70(seconds):
    n = int(round(seconds * 48000))
    t = np.arange(n) / 48000.0
    # 100 % AM: (1 + cos(2π·70t))·sin(2π·1000t), scaled to an RMS of 60 dB SPL
    x = (1 + np.cos(2 * np.pi * 70 * t)) * np.sin(2 * np.pi * 1000 * t)
    return x * (2e-5 * 10 ** (60 / 20) / np.sqrt(np.mean(x ** 2)))
