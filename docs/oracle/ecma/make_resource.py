# Collects refmap_ecma.py outputs (batch*.json) into audioloop's test resource.
import json, glob
files = {}
for b in sorted(glob.glob('batch*.json')):
    try:
        files.update(json.load(open(b)))
    except ValueError:
        pass
out = {'about': "refmap-psychoacoustics (HEAD 2582e72 of acoustics-code-salford/refmap-psychoacoustics, "
        "src/refmap_psychoacoustics/metrics/sottek_hearing_model, ECMA-418-2:2025) run with Debian's python3 3.11.2, "
        "numpy 1.24.2, scipy 1.10.1: cd /work/oracle/ecma && /usr/bin/python3 refmap_ecma.py --series FILES "
        "(matplotlib/tqdm/bottleneck stubbed; bottleneck.move_mean as a direct 3-block mean). Input = audioloop's "
        "pipeline input: PCM/2^(bits-1), channel mean, resample_poly to 48 kHz if needed, x calibration of "
        "mosqito.json. refmap's band-ACF average (np.mean over an object array) is given copies of its inputs: "
        "unpatched, it accumulates into them in place and the 1 kHz 40 dB anchor reads 5.25 sone_HMS "
        "(docs/ecma-418-2.md). Values: loudness_powavg (sone_HMS), tonality_avg (tu_HMS), their per-band "
        "averages, loudness_t and tonality_t at 187.5 Hz.",
       'files': files}
json.dump(out, open('/work/wt/ecma/src/test/resources/audioloop/ecma/refmap_shared_signals.json', 'w'))
print(len(files), list(files))
