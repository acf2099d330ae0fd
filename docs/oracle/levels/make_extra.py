# Copies the oracle's entries for the shared signals missing from mosqito_more.json into the levels test resource.
import json,glob,os,sys
files={}
for f in sorted(glob.glob('/work/oracle/out/*.wav.json')):
    if os.path.getsize(f)==0: continue
    try: d=json.load(open(f))
    except Exception: continue
    for k,v in d.items():
        files[k]={x:v[x] for x in ('sharpness_st','sharpness_tv_mean','noct')}
out={'about':'MoSQITo 1.2.1 (zwtv decay starting from rest) sharpness weightings and noct_spectrum for the shared signals missing from shared/reference/mosqito_more.json, made like it: cd /work/oracle && MOSQITO_PATH=work/mosqito-fixed:work/stubs MORE_SKIP_ECMA=1 python3 mosqito_more_ref.py --calib <mosqito.json factor_pa_per_fs> ../shared/signals/mosqito/<file> (as oracle/run_missing.sh runs it), numpy 2.4.6, scipy 1.17.1; only the keys sharpness_st, sharpness_tv_mean and noct copied.','files':files}
json.dump(out,open('/work/wt/levels/src/test/resources/audioloop/levels/mosqito_more_extra.json','w'),indent=1)
print(len(files))
