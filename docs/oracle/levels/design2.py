import numpy as np
from scipy import signal
f1,f2,f3,f4=20.598997057618316,107.65264864304629,737.8622307362901,12194.217147998012
fs=48000.
freqs=1000*10**(np.arange(-20,14)/10)
def analog(kind,f):
    s=2j*np.pi*f; w=lambda fp: s+2*np.pi*fp
    return s**4/(w(f1)**2*w(f4)**2*w(f2)*w(f3)) if kind=='A' else s**2/(w(f1)**2*w(f4)**2)
def resp(zz,pp,f):
    e=np.exp(2j*np.pi*f/fs); return np.prod([e-q for q in zz]+[np.ones_like(e)],axis=0)/np.prod([e-q for q in pp]+[np.ones_like(e)],axis=0)
for kind in 'AC':
    lowp=[-2*np.pi*f1]*2+([-2*np.pi*f2,-2*np.pi*f3] if kind=='A' else [])
    lowz=[0.]*len(lowp)
    zb,pb,_=signal.bilinear_zpk(lowz,lowp,1.0,fs)
    for hname,(hz,hp) in {'matched':([],[np.exp(-2*np.pi*f4/fs)]*2),'matched+1nyq':([-1.],[np.exp(-2*np.pi*f4/fs)]*2)}.items():
        zz=list(zb)+hz; pp=list(pb)+hp
        ref=20*np.log10(abs(analog(kind,freqs)))-20*np.log10(abs(analog(kind,1000.)))
        d=20*np.log10(abs(resp(zz,pp,freqs)))-20*np.log10(abs(resp(zz,pp,1000.)))
        err=d-ref
        print(kind,hname,' '.join('%g:%.3f'%(f,e) for f,e in zip(freqs[-10:],err[-10:])),'low %.2e'%abs(err[:20]).max())
