# Stub: module-level style calls (plt.rc ...) are accepted and ignored; plotting is never requested.
def rc(*a, **k):
    pass
