package audioloop.spectral;

/**
 * The features that need one STFT frame at a time, computed frame by frame while that frame's samples and
 * spectrum are in cache: centroid, bandwidth, roll-off, flatness, the contrast's peaks and valleys, the mel power,
 * the tuning's piptrack peaks and (every fourth frame) the pitch. Done feature by feature instead, each feature
 * streamed the whole 46 MB spectrogram of a minute from memory again. What needs every frame first (the dB floors,
 * the tuning, and so chroma) is finished by the caller: {@link SpectralAnalyzer} in memory,
 * {@link SpectralStream} over several passes.
 */
final class FrameFeatures {
    final double[] centroid;
    final double[] bandwidth;
    final double[] rolloff;
    final double[] flatness;
    /** {@code [band][frame]}: mean peak and valley magnitude ({@link SpectralContrast#frame}), before the dB. */
    final double[][] contrastPeak;
    final double[][] contrastValley;
    /** f0 per pitch frame, NaN when unvoiced ({@link Pitch.Detector#hz}). */
    final double[] pitchHz;
    /** {@code [frame][band]} mel power when kept (in memory), else null: only its largest dB value is kept. */
    final double[][] melPower;
    private final MelFilterbank mel = MelFilterbank.librosaDefault();
    private final double[] freq = FftFrequencies.hz();

    /**
     * @param frames       STFT frames of the signal
     * @param pitchFrames  {@link Pitch#frameCount} of the signal
     * @param keepMelPower whether {@link #melPower} is kept
     */
    FrameFeatures(int frames, int pitchFrames, boolean keepMelPower) {
        centroid = new double[frames];
        bandwidth = new double[frames];
        rolloff = new double[frames];
        flatness = new double[frames];
        contrastPeak = new double[SpectralContrast.BANDS][frames];
        contrastValley = new double[SpectralContrast.BANDS][frames];
        pitchHz = new double[pitchFrames];
        melPower = keepMelPower ? new double[frames][] : null;
    }

    MelFilterbank melFilterbank() {
        return mel;
    }

    /** One task's transform, detector and scratch arrays, and what it gathers over its frames. */
    static final class Worker {
        final Stft.Transform stft = new Stft.Transform();
        final double[] samples = new double[Stft.N_FFT];
        final double[] magnitude = new double[Stft.BINS];
        final double[] power = new double[Stft.BINS];
        final double[] melRow = new double[MelFilterbank.N_MELS];
        final Tuning.Peaks peaks = new Tuning.Peaks();
        /** Largest unfloored mel dB value of the frames seen (when the mel power is not kept). */
        double maxMelDb = Double.NEGATIVE_INFINITY;
        private final double[] scratch = new double[Stft.BINS];
        private final double[] scratch2 = new double[Stft.BINS];
        private final double[] smallest = new double[SpectralContrast.MAX_QUANTILE_BINS];
        private final double[] largest = new double[SpectralContrast.MAX_QUANTILE_BINS];
        private final double[] peak = new double[SpectralContrast.BANDS];
        private final double[] valley = new double[SpectralContrast.BANDS];
        private Pitch.Detector pitch;

        /** |X| of frame t of the signal y, which holds samples yStart … of a signal of the given length. */
        double[] magnitude(double[] y, long yStart, long length, int t, double[] out) {
            Stft.frameSamples(y, yStart, length, t, samples);
            stft.magnitude(samples, out);
            return out;
        }
    }

    /**
     * Everything of frame t, whose samples and magnitude {@link Worker#magnitude} left in the worker; the magnitude
     * is read from {@code magnitude} (the worker's or the kept row).
     */
    void frame(int t, double[] magnitude, Worker w) {
        Stft.power(magnitude, w.power);
        double norm = SpectralCentroid.l1Norm(magnitude);
        centroid[t] = SpectralCentroid.frame(magnitude, norm, freq, w.scratch);
        bandwidth[t] = SpectralBandwidth.frame(magnitude, norm, centroid[t], freq, w.scratch);
        rolloff[t] = SpectralRolloff.frame(magnitude, w.scratch);
        flatness[t] = SpectralFlatness.frame(magnitude, w.scratch, w.scratch2);
        SpectralContrast.frame(magnitude, w.peak, w.valley, w.smallest, w.largest);
        for (int b = 0; b < SpectralContrast.BANDS; b++) {
            contrastPeak[b][t] = w.peak[b];
            contrastValley[b][t] = w.valley[b];
        }
        Tuning.framePeaks(magnitude, w.power, w.peaks);
        if (melPower != null) {
            melPower[t] = new double[MelFilterbank.N_MELS];
            mel.frame(w.power, melPower[t]);
        } else {
            mel.frame(w.power, w.melRow);
            w.maxMelDb = Math.max(w.maxMelDb, PowerToDb.unfloored(w.melRow));
        }
        if (t % (Pitch.HOP / Stft.HOP) == 0) {
            if (w.pitch == null) {
                w.pitch = new Pitch.Detector();
            }
            pitchHz[t / (Pitch.HOP / Stft.HOP)] = w.pitch.hz(w.samples);
        }
    }
}
