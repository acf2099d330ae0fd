# Collects refmap_rough.py output into audioloop's test resources (numbers only; spec_roughness series left out).
import json, sys
d = json.load(open(sys.argv[1] if len(sys.argv) > 1 else 'batch_all.json'))
OUT = '/work/wt/ecmarough/core/src/test/resources/audioloop/ecmaroughness/'
ABOUT = ("refmap-psychoacoustics (HEAD 2582e72 of acoustics-code-salford/refmap-psychoacoustics, "
         "src/refmap_psychoacoustics/metrics/sottek_hearing_model/shm_roughness_ecma.py, ECMA-418-2:2025) run with "
         "Debian's python3 3.11.2, numpy 1.24.2, scipy 1.10.1: cd /work/oracle/ecmarough && /usr/bin/python3 "
         "refmap_rough.py --series --am70 3.0 FILES (docs/oracle/ecmarough/refmap_rough.py; matplotlib/tqdm stubbed). "
         "Input = audioloop's pipeline input: PCM/2^(bits-1), channel mean, x calibration of mosqito.json. "
         "am_1khz_70hz_60db: (1 + cos(2pi 70 t)) sin(2pi 1000 t) at 48 kHz, 3 s, scaled to 60 dB SPL RMS. Values: "
         "roughness90pc (asper_HMS), spec_roughness_avg (53 bands), roughness_t (50 Hz).")
keys = ['n_samples_48k', 'calibration_pa_per_fs', 'roughness90pc', 'spec_roughness_avg', 'n_frames', 'roughness_t']
anchor = {k: v for k, v in d['am_1khz_70hz_60db'].items() if k in keys}
files = {n: {k: v for k, v in r.items() if k in keys} for n, r in d.items() if n != 'am_1khz_70hz_60db'}
json.dump({'about': ABOUT, 'files': files}, open(OUT + 'refmap_shared_signals.json', 'w'))
json.dump({'about': ABOUT, 'am_1khz_70hz_60db': anchor}, open(OUT + 'refmap_am_1khz_70hz_60db.json', 'w'))
print(len(files), list(files))
