#!/usr/bin/env python3
"""References for audioloop's tonality/SII tests on generated signals with tones.

Each signal is defined in signals.json and generated identically in Java (audioloop test TonalSignals):
  u[n]   = SplitMix64(seed) -> ((z >> 11) * 2**-53) * 2 - 1    (uniform white noise in [-1, 1))
  x[n]   = noise * u[n] + sum_j amp_j * sin(2*pi*f_j*n/48000)   (pascals, 48 kHz)
MoSQITo 1.2.1 (MOSQITO_PATH) is run on x at 48 kHz: tnr_ecma_st / pr_ecma_st with prominence True and False,
sii_ansi(x, 48000, 'critical', level) for the four speech levels.
Usage: cd /work/oracle && MOSQITO_PATH=work/mosqito-fixed:work/stubs python3 tonality/make_refs.py > out.json
"""
import json, os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..'))
import numpy as np
import mosqito_ref as mr

M64 = (1 << 64) - 1


def splitmix_uniform(seed, n):
    out = np.empty(n)
    s = seed & M64
    for i in range(n):
        s = (s + 0x9E3779B97F4A7C15) & M64
        z = s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M64
        z = z ^ (z >> 31)
        out[i] = ((z >> 11) * 2.0 ** -53) * 2 - 1
    return out


def signal(d):
    n = np.arange(d['samples'])
    x = d['noise'] * splitmix_uniform(d['seed'], d['samples'])
    for f, a in d['tones']:
        x = x + a * np.sin(2 * np.pi * f * n / 48000)
    return x


def lst(v):
    return np.atleast_1d(np.asarray(v, dtype=float)).tolist()


def main():
    defs = json.load(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'signals.json')))
    mr._import_mosqito()
    import mosqito.sq_metrics as sq
    res = {}
    for name, d in defs.items():
        x = signal(d)
        r = {'definition': d}
        for key, f in (('tnr', sq.tnr_ecma_st), ('pr', sq.pr_ecma_st)):
            for suffix, prom in (('', True), ('_all', False)):
                t, v, p, fr = f(x.copy(), 48000, prominence=prom)
                r[key + suffix] = {'total': lst(t), 'values': lst(v), 'prominent': [bool(b) for b in np.atleast_1d(p)],
                                   'freqs_hz': lst(fr)}
        r['sii'] = {lvl: float(sq.sii_ansi(x.copy(), 48000, 'critical', lvl)[0]) for lvl in ('normal', 'raised', 'loud', 'shout')}
        res[name] = r
    json.dump({'about': 'MoSQITo 1.2.1 tnr_ecma_st, pr_ecma_st, sii_ansi(critical) on generated signals; made by '
               '/work/oracle/tonality/make_refs.py (cd /work/oracle && MOSQITO_PATH=work/mosqito-fixed:work/stubs '
               'python3 tonality/make_refs.py)', 'files': res}, sys.stdout, indent=1)


if __name__ == '__main__':
    main()
