"""MoSQITo 1.2.1 sharpness weightings (stationary and mean of S(t), zwtv decay from rest) and sone_to_phon of the
stationary loudness and N5, for a sound field. Usage (from /work/oracle):
  MOSQITO_PATH=work/mosqito-fixed:work/stubs python3 levels/weightings_ref.py --calib PA --field free|diffuse file.wav
"""
import argparse, json, os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import numpy as np
import mosqito_ref as mr

ap = argparse.ArgumentParser()
ap.add_argument('--calib', type=float, default=1.0)
ap.add_argument('--field', default='free')
ap.add_argument('file')
a = ap.parse_args()
mr._import_mosqito()
import mosqito.sq_metrics as sq
from mosqito.sq_metrics.loudness.utils.sone_to_phon import sone_to_phon
fs, x, _ = mr.read_wav(a.file)
sig, _ = mr.to_48k(x * a.calib, fs)
with mr._Quiet():
    st = {w: float(sq.sharpness_din_st(sig, 48000, weighting=w, field_type=a.field)) for w in ('din', 'aures', 'bismarck', 'fastl')}
    N, Ns, _, _ = sq.loudness_zwtv(sig, 48000, field_type=a.field)
    tv = {w: float(np.mean(sq.sharpness_din_from_loudness(N, Ns, weighting=w))) for w in ('din', 'aures', 'bismarck', 'fastl')}
    Nst, _, _ = sq.loudness_zwst(sig, 48000, field_type=a.field)
json.dump({'sharpness_st': st, 'sharpness_tv_mean': tv, 'N5': float(np.percentile(N, 95)),
           'phon_stationary': sone_to_phon(float(Nst)), 'phon_n5': sone_to_phon(float(np.percentile(N, 95)))},
          sys.stdout, indent=1)
