"""scipy PchipInterpolator reference numbers for audioloop's PchipTest (Debian python3: scipy 1.10.1, numpy 1.24.2).
Usage: /usr/bin/python3 pchip_ref.py > core/src/test/resources/audioloop/dsp/pchip_scipy.json"""
import json, numpy as np, scipy
from scipy.interpolate import PchipInterpolator
rng = np.random.default_rng(5)
cases = []
# non-uniform nodes (as roughness's last block), monotone stretches, flat parts, sign changes, a zero run
x = np.cumsum(rng.uniform(0.05, 0.2, 12)); x[-1] = x[-2] + 0.003
y = np.array([0, 0, 0.3, 0.8, 0.8, 0.2, 0.0, 0.0, 1.5, 1.2, 1.4, 0.1])
cases.append((x, y))
x2 = np.arange(6) * 4096 / 48000.0
y2 = rng.uniform(0, 1, 6)
cases.append((x2, y2))
cases.append((np.array([0.0, 1.0]), np.array([2.0, 5.0])))
cases.append((np.array([0.0, 0.5, 2.0]), np.array([1.0, 3.0, 2.0])))
out = {'about': 'scipy %s PchipInterpolator(x, y)(t), numpy %s: docs/oracle/ecmarough/pchip_ref.py' % (scipy.__version__, np.__version__), 'cases': []}
for x, y in cases:
    t = np.linspace(x[0] - 0.1, x[-1] + 0.1, 57)
    t = np.concatenate((t, x))
    out['cases'].append({'x': x.tolist(), 'y': y.tolist(), 't': t.tolist(), 'value': PchipInterpolator(x, y)(t).tolist()})
json.dump(out, __import__('sys').stdout)
