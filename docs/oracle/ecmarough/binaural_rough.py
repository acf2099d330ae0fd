"""refmap-psychoacoustics ECMA-418-2:2025 binaural roughness (Section 7.1.11) of audioloop's two-channel test file
testdata/ecma_binaural_stereo.wav (made by docs/oracle/ecma/binaural.py), calibration 1 Pa per full scale.
Usage: /usr/bin/python3 binaural_rough.py testdata/ecma_binaural_stereo.wav OUT.json"""
import sys, os, json
ECMA = '/work/oracle/ecma'
sys.path[:0] = [os.path.join(ECMA, 'stubs'), os.path.join(ECMA, 'refmap/src/refmap_psychoacoustics/metrics')]
import numpy as np
from scipy.io import wavfile
import sottek_hearing_model as shm
fs, pcm = wavfile.read(sys.argv[1])
p = pcm.astype(np.float64) / 32768.0
R = shm.shm_roughness_ecma(p, fs, axis=0, wait_bar=False, binaural=True)
a = lambda x: np.asarray(x, dtype=float)
out = {'about': 'refmap-psychoacoustics HEAD 2582e72 shm_roughness_ecma(p, 48000, binaural=True) on '
                'testdata/ecma_binaural_stereo.wav (PCM/32768, 1 Pa per full scale), Debian python3 3.11.2, numpy '
                '1.24.2, scipy 1.10.1: docs/oracle/ecmarough/binaural_rough.py',
       'roughness90pc_bin': float(a(R['roughness90pc_bin'])),
       'roughness_t_bin': a(R['roughness_t_bin']).tolist(),
       'spec_roughness_avg_bin': a(R['spec_roughness_avg_bin']).tolist(),
       'roughness90pc_ears': a(R['roughness90pc']).ravel().tolist(),
       'roughness_t_ears': [a(R['roughness_t'])[:, c].tolist() for c in range(2)],
       'spec_roughness_avg_ears': [a(R['spec_roughness_avg'])[:, c].tolist() for c in range(2)]}
json.dump(out, open(sys.argv[2], 'w'))
print(out['roughness90pc_bin'], out['roughness90pc_ears'], file=sys.stderr)
