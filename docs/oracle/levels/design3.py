import numpy as np
from scipy import signal
f1,f2,f3,f4=20.598997057618316,107.65264864304629,737.8622307362901,12194.217147998012
fs=48000.
freqs=1000*10**(np.arange(-20,14)/10)
def analog(kind,f):
    s=2j*np.pi*f; w=lambda fp: s+2*np.pi*fp
    return s**4/(w(f1)**2*w(f4)**2*w(f2)*w(f3)) if kind=='A' else s**2/(w(f1)**2*w(f4)**2)
def high(fm):
    w0=2*np.pi*f4/fs; a1=-2*np.exp(-w0); a2=np.exp(-2*w0)
    A0=(1+a1+a2)**2; A1=(1-a1+a2)**2; A2=-4*a2
    wm=2*np.pi*fm/fs; p0=np.cos(wm/2)**2; p1=np.sin(wm/2)**2; p2=4*p0*p1
    Hm2=(f4**2/(fm**2+f4**2))**2
    B0=A0; B1=(Hm2*(A0*p0+A1*p1+A2*p2)-B0*p0)/p1
    b0=0.5*(np.sqrt(B0)+np.sqrt(B1)); b1=np.sqrt(B0)-b0
    return np.array([b0,b1,0.]),np.array([1,a1,a2])
for kind in 'AC':
    lowp=[-2*np.pi*f1]*2+([-2*np.pi*f2,-2*np.pi*f3] if kind=='A' else [])
    zb,pb,kb=signal.bilinear_zpk([0.]*len(lowp),lowp,1.0,fs)
    bl,al=signal.zpk2tf(zb,pb,kb)
    for fm in [f4,16000,20000,24000]:
        bh,ah=high(fm)
        b=np.convolve(bl,bh); a=np.convolve(al,ah)
        _,h=signal.freqz(b,a,worN=np.r_[freqs,1000.],fs=fs)
        d=20*np.log10(abs(h[:-1]))-20*np.log10(abs(h[-1]))
        ref=20*np.log10(abs(analog(kind,freqs)))-20*np.log10(abs(analog(kind,1000.)))
        err=d-ref
        print(kind,'%.0f'%fm,' '.join('%g:%.4f'%(f,e) for f,e in zip(freqs[-8:],err[-8:])),'low %.2e'%abs(err[:24]).max())
