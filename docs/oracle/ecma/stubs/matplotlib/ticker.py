class FormatStrFormatter:
    def __init__(self, *a):
        pass
