#!/bin/bash
# Runs mosqito_more_ref.py (no ECMA) for every shared signal missing from mosqito_more.json, with mosqito.json's calibration.
cd /work/oracle
export MOSQITO_PATH=work/mosqito-fixed:work/stubs MORE_SKIP_ECMA=1
mkdir -p out
python3 - <<'PY' > out/missing.txt
import json
more=json.load(open('/work/shared/reference/mosqito_more.json'))['files']
m=json.load(open('/work/shared/reference/mosqito.json'))['files']
for k,v in m.items():
    if k not in more: print(k, v['calibration']['factor_pa_per_fs'])
PY
while read f c; do
  [ -s out/$f.json ] || python3 mosqito_more_ref.py --calib $c /work/shared/signals/mosqito/$f > out/$f.json 2>/dev/null
done < out/missing.txt
echo ALLDONE > out/done
