#!/usr/bin/env python3
"""Collects tnr/tnr_all/pr/pr_all/sii of /work/oracle/out/<file>.json (made by /work/oracle/run_missing.sh, i.e.
mosqito_more_ref.py with mosqito.json's calibration, MORE_SKIP_ECMA=1) into audioloop's test resource."""
import json, glob, os, sys
files = {}
for p in sorted(glob.glob('/work/oracle/out/*.wav.json')):
    if os.path.getsize(p) == 0:
        continue  # still being written
    d = json.load(open(p))
    for name, r in d.items():
        files[name] = {k: r[k] for k in ('tnr', 'tnr_all', 'pr', 'pr_all', 'sii')}
json.dump({'about': 'MoSQITo 1.2.1 tnr_ecma_st, pr_ecma_st (prominence True/False) and sii_ansi(critical, normal) on '
           'the shared signals missing from ../shared/reference/mosqito_more.json, calibrated as mosqito.json says: '
           'made by /work/oracle/run_missing.sh (cd /work/oracle; MOSQITO_PATH=work/mosqito-fixed:work/stubs '
           'MORE_SKIP_ECMA=1 python3 mosqito_more_ref.py --calib C file.wav) and collected by '
           '/work/oracle/tonality/collect_extra.py', 'files': files}, sys.stdout, indent=1)
