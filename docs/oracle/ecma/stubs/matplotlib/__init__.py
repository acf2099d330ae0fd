# Stub: refmap's sottek_hearing_model imports matplotlib for plots only; none are drawn here.
class _Params(dict):
    def update(self, *a, **k):
        pass
rcParams = _Params()
def use(*a, **k):
    pass
