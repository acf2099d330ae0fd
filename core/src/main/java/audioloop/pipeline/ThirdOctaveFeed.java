package audioloop.pipeline;

import audioloop.dsp.FourStepDft;
import audioloop.loudness.ThirdOctaveSpectrum;

/**
 * Third-octave band levels of the whole signal (MoSQITo's {@code noct_spectrum} between minHz and maxHz), fed block
 * by block: from one DFT of the whole signal ({@link ThirdOctaveSpectrum#levelsDbInPlace}) when the signal is long
 * enough for it (6.4 s at 48 kHz) and its padded copy fits the heap budget, else by the band filters run block by
 * block ({@link ThirdOctaveSpectrum.Stream}, which holds a few seconds whatever the length). The two agree to
 * ~1e−10 dB (ThirdOctaveSpectralTest); the DFT costs about a fifth of the filtering for a minute of signal. The
 * levels section and the stationary loudness both read their bands through this, so a band's level is the same
 * number whichever metrics are asked for.
 */
final class ThirdOctaveFeed {
    /** Heap the DFT path's time-domain end windows take beside the transform (the longest, 25 Hz, ~3 MB). */
    private static final long WINDOW_BYTES = 8L << 20;

    private final int samples;
    private final double minHz;
    private final double maxHz;
    /** The signal, then zeros, for the DFT path (its transform length); null on the filter path. */
    private double[] wholeSignal;
    private int held;
    private final ThirdOctaveSpectrum.Stream stream;

    /**
     * @param samples48k  the signal's length at 48 kHz (at least 28: decimate's padding)
     * @param budgetBytes heap the DFT path may take
     */
    ThirdOctaveFeed(int samples48k, double minHz, double maxHz, long budgetBytes) {
        this.samples = samples48k;
        this.minHz = minHz;
        this.maxHz = maxHz;
        int rate = Analyzer.SAMPLE_RATE_HZ;
        if (samples48k >= ThirdOctaveSpectrum.spectralMinimumSamples(rate, minHz, maxHz)) {
            int transformLength = ThirdOctaveSpectrum.transformLength(samples48k, rate, minHz, maxHz);
            // the padded signal, the power spectrum (M/2 + 1 doubles), the transform's work and the end windows
            if (12L * transformLength + FourStepDft.extraHeapBytes(transformLength) + WINDOW_BYTES <= budgetBytes) {
                wholeSignal = new double[transformLength];
            }
        }
        stream = wholeSignal == null ? new ThirdOctaveSpectrum.Stream(rate, samples48k, minHz, maxHz) : null;
    }

    void accept(double[] pressurePa, int from, int length) {
        if (wholeSignal != null) {
            System.arraycopy(pressurePa, from, wholeSignal, held, length);
            held += length;
        } else {
            stream.accept(pressurePa, from, length);
        }
    }

    /** The band levels in dB re 20 µPa, after the whole signal was fed. */
    double[] finish() {
        if (wholeSignal == null) {
            return stream.finish();
        }
        if (held != samples) {
            throw new IllegalStateException(held + " of " + samples + " samples fed");
        }
        double[] levels = ThirdOctaveSpectrum.levelsDbInPlace(wholeSignal, samples, Analyzer.SAMPLE_RATE_HZ, minHz,
                maxHz);
        wholeSignal = null;
        return levels;
    }
}
