# Stub of bottleneck.move_mean as refmap's shm_tonality_ecma uses it (window=3, min_count=3 along one axis):
# out[j] = mean(a[j-window+1 .. j]); NaN where fewer than min_count values exist.
import numpy as np
def move_mean(a, window, min_count=None, axis=-1):
    a = np.moveaxis(np.asarray(a, dtype=float), axis, -1)
    out = np.full(a.shape, np.nan)
    if min_count is None:
        min_count = window
    assert min_count == window
    for j in range(window - 1, a.shape[-1]):
        s = a[..., j - window + 1]
        for i in range(j - window + 2, j + 1):
            s = s + a[..., i]
        out[..., j] = s / window
    return np.moveaxis(out, -1, axis)
