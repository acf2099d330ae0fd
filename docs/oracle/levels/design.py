import numpy as np
from scipy import signal
f1,f2,f3,f4=20.598997057618316,107.65264864304629,737.8622307362901,12194.217147998012
fs=48000.
def analog(kind,f):
    s=2j*np.pi*f
    w=lambda fp: s+2*np.pi*fp
    if kind=='A': H=s**4/(w(f1)**2*w(f4)**2*w(f2)*w(f3))
    else: H=s**2/(w(f1)**2*w(f4)**2)
    return H
def zpk(kind):
    p=[-2*np.pi*f1]*2+[-2*np.pi*f4]*2+([-2*np.pi*f2,-2*np.pi*f3] if kind=='A' else [])
    z=[0.]*(4 if kind=='A' else 2)
    return np.array(z),np.array(p)
freqs=1000*10**(np.arange(-20,14)/10)
for kind in 'AC':
    z,p=zpk(kind)
    zb,pb,kb=signal.bilinear_zpk(z,p,1.0,fs)
    zm=np.exp(z/fs); pm=np.exp(p/fs)
    def resp(zz,pp,f):
        e=np.exp(2j*np.pi*f/fs); return np.prod([e-q for q in zz],axis=0)/np.prod([e-q for q in pp],axis=0)
    for name,(zz,pp) in {'bilinear':(zb,pb),'matched':(zm,pm)}.items():
        ref=20*np.log10(abs(analog(kind,freqs)))-20*np.log10(abs(analog(kind,1000.)))
        d=20*np.log10(abs(resp(zz,pp,freqs)))-20*np.log10(abs(resp(zz,pp,1000.)))
        err=d-ref
        print(kind,name, ' '.join('%g:%.3f'%(f,e) for f,e in zip(freqs[-10:],err[-10:])), 'low', '%.2e'%abs(err[:20]).max())
