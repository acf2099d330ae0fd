"""Where MoSQITo 1.2.1's roughness_ecma (2022) differs from refmap's 2025 roughness: MoSQITo run with its steps
replaced one after the other (cumulatively) by the 2025 edition's as refmap implements them.
Usage: cd /work/oracle && MOSQITO_PATH=work/mosqito-fixed:work/stubs /usr/bin/python3 ecmarough/mosqito_ablate.py STEP FILES
STEP 0: MoSQITo as is; 1: + recursive low-pass (Eq. 109/110, per band over time); 2: + 2025 non-linear transform
(Eq. 104-108: E(B) with 0.95555/0.58449/1.6407/2.5804, c_R = 0.0180909/1.0011565); 3: + the overall value over
frames >= 16 (0.32 s); 4: + envelope downsampling by taking every 32nd sample (Eq. 65) instead of scipy decimate
and the power spectrum without MoSQITo's factor 1/2; 5: + refmap's peak picking / rate estimation (7.1.5.1) and
fundamental-rate estimation (7.1.5.3) in place of MoSQITo's; 6: + refmap's noise reduction (7.1.4: the outermost
bands not averaged, 1e-10 in Eq. 71); 7: + the block times and the 50 Hz grid of 7.1.7 as refmap has them: MoSQITo
places block l at its centre in the padded signal, (4096 l + 8192)/48 000 s, 8192 samples after its end in the
signal's time (refmap: 4096 l/48 000), and evaluates at arange(int(50 d))/50 instead of linspace(0, d, floor(50 d)+1)."""
import sys, os, json
sys.path.insert(0, '/work/oracle')
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import mosqito_ref as mr
mr._import_mosqito()
import numpy as np
import mosqito.sq_metrics as sq
import importlib
M = importlib.import_module('mosqito.sq_metrics.roughness.roughness_ecma.roughness_ecma')
from mosqito_rough import read48k, am70  # noqa (same reading)
step = int(sys.argv[1])

def lowpass(R_hat):
    rise, fall = np.exp(-1 / (50 * 0.0625)), np.exp(-1 / (50 * 0.5))
    out = R_hat.copy()
    for l in range(1, R_hat.shape[0]):
        a = np.where(R_hat[l] >= out[l - 1], rise, fall)
        out[l] = R_hat[l] * (1 - a) + out[l - 1] * a
    return out

def transform(R_est):
    rms = np.sqrt(np.mean(R_est ** 2, axis=1)); avg = np.mean(R_est, axis=1)
    B = np.zeros(avg.size); B[avg != 0] = rms[avg != 0] / avg[avg != 0]
    E = (0.95555 - 0.58449) * (np.tanh(1.6407 * (B - 2.5804)) + 1) * 0.5 + 0.58449
    return 0.0180909 / 1.0011565 * (R_est.T ** E).T

if step >= 1:
    M._lowpass_filter = lowpass
if step >= 2:
    M._non_linear_transform = transform
if step >= 4:
    M.decimate = lambda x, q, axis=-1: np.take(x, np.arange(0, x.shape[axis] - 1, q), axis=axis) if q == 8 else np.take(x, np.arange(0, x.shape[axis], q), axis=axis)
    _fft = M.fft
    M.fft = lambda *a, **k: _fft(*a, **k) * np.sqrt(2)
if step >= 5:
    sys.path.append('/work/oracle/ecma/stubs')
    sys.path.append('/work/oracle/ecma/refmap/src/refmap_psychoacoustics/metrics')
    # MoSQITo's matplotlib stub has no ticker module, which refmap imports: load the refmap stub's under that name
    import importlib.util, matplotlib
    spec = importlib.util.spec_from_file_location('matplotlib.ticker', '/work/oracle/ecma/stubs/matplotlib/ticker.py')
    sys.modules['matplotlib.ticker'] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(sys.modules['matplotlib.ticker'])
    matplotlib.ticker = sys.modules['matplotlib.ticker']
    import matplotlib.pyplot
    matplotlib.rcParams = {}
    matplotlib.colormaps = {}
    matplotlib.pyplot.rc = lambda *a, **k: None
    RR = importlib.import_module('sottek_hearing_model.shm_roughness_ecma')
    EC = np.array([0.0000, 0.0457, 0.0907, 0.1346, 0.1765, 0.2157, 0.2515, 0.2828, 0.3084, 0.3269, 0.3364, 0.3348,
                   0.3188, 0.2844, 0.2259, 0.1351, 0.0000])
    EC = np.hstack((EC, np.flip(-EC[0:-1]), 0))
    last = {}
    def peaks(spectrum):
        _, _, amp, rate = RR.shm_spectral_weight(0, 0, EC, 1500 / 512, np.arange(34), spectrum)
        last['rates'] = rate
        n = int(np.sum(rate > 0))
        return rate[:n], amp[:n]
    def fundamental(f_p, Ai_tilde):
        rates = np.zeros(10); amps = np.zeros(10)
        rates[:len(f_p)] = f_p; amps[:len(f_p)] = Ai_tilde
        _, _, f0, ahat = RR.shm_fundamental_mod_rate(0, 0, rates, amps)
        return f0, ahat
    M._peak_picking = peaks
    M._estimate_fund_mod_rate = fundamental
if step >= 6:
    def noise_reduction(spectrum):
        avg = spectrum.copy()
        avg[:, 1:-1] = (spectrum[:, :-2] + spectrum[:, 1:-1] + spectrum[:, 2:]) / 3
        s = np.sum(avg, axis=1)
        K = s.shape[1]
        w_tilde = 0.0856 * (s / (np.median(s[:, 2:], axis=1)[:, None] + 1e-10)) * np.clip(0.1891 * np.exp(0.012 * np.arange(K)), 0, 1)
        w_max = np.max(w_tilde[:, 2:], axis=-1)
        w = np.zeros(w_tilde.shape)
        idx = w_tilde >= 0.05 * w_max[:, None]
        w[idx] = np.clip(w_tilde[idx] - 0.1407, 0, 1)
        return avg * w[:, None, :]
    M._noise_reduction = noise_reduction
if step >= 7:
    from scipy.interpolate import pchip_interpolate
    def interpolation_50(amplitude, time, duration):
        t50 = np.linspace(0, duration, int(np.floor(duration * 50)) + 1)
        return pchip_interpolate(np.asarray(time) - 8192 / 48000, amplitude, t50, axis=0), t50
    M._interpolation_50 = interpolation_50
out = {}
ref = json.load(open('/work/shared/reference/mosqito.json'))['files']
for f in sys.argv[2:]:
    if f == 'am70':
        name, p = 'am_1khz_70hz_60db_3s', am70(3.0)
    else:
        name = os.path.basename(f)
        p = read48k(f, ref[name]['calibration']['factor_pa_per_fs'])
    R, Rt = M.roughness_ecma(p, 48000)[:2]
    if step >= 3:
        R = np.percentile(Rt[16:], 90)
    out[name] = float(R)
    print(step, name, out[name], file=sys.stderr)
json.dump(out, open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ablate_%d.json' % step), 'w'), indent=1)
