package audioloop.fluctuation;

import audioloop.dsp.RealFft;
import java.util.Arrays;

/**
 * The outer- and middle-ear transmission a0 of the Osses et al. (2016) model as a 4096th-order linear-phase FIR
 * filter applied with its delay removed (SQAT {@code il_PeripheralHearingSystem_t}: {@code filter(B, 1, [x
 * zeros(1, K/2)])} and the first K/2 outputs dropped).
 *
 * <p>Design (SQAT {@code calculate_a0} with a0 type {@code 'fluctuationstrength_osses2016'}): the a0 curve in dB
 * against Bark ({@link BarkTables#A0_DB}) is sampled at the bins k·fs/K of the audible range 20 Hz … 20 kHz, taken
 * to linear gain and handed to the frequency-sampling design {@code fir2(K, f, a0)} with a0's end values held to
 * 0 Hz and fs/2. {@code fir2} is followed as Octave's signal package 1.4.3 defines it (the implementation the
 * oracle runs): the response is interpolated linearly onto a grid of 2^nextpow2(K+1) + 1 points from 0 to fs/2,
 * transformed to a zero-phase impulse response, centred, truncated to K + 1 taps and multiplied by a Hamming
 * window.
 *
 * <p>Applied by FFT convolution of the whole frame; thread-confined (one per frame analyser).
 */
final class EarTransmission {
    /** Filter order K (taps K + 1). */
    static final int ORDER = 4096;

    private final int frameLength;
    private final int convolutionLength;
    private final RealFft fft;
    /** Spectrum of the taps zero-padded to {@link #convolutionLength}, JTransforms packing, scaled by 1/length. */
    private final double[] tapSpectrum;
    private final double[] work;

    /** The taps b_0 … b_K of the design for sample rate fs. */
    static double[] taps(int sampleRateHz) {
        double df = sampleRateHz / (double) ORDER;
        int first = (int) Math.round(20 / df);
        int last = (int) Math.round(20e3 / df);
        int points = last - first + 1;
        // fir2's breakpoints: 0, the audible bins, 1 (as a fraction of fs/2), with a0 held at both ends.
        double[] f = new double[points + 2];
        double[] m = new double[points + 2];
        for (int i = 0; i < points; i++) {
            double hz = (first + i) * df;
            double gainDb = BarkTables.interpolate(BarkTables.A0_Z, BarkTables.A0_DB, BarkTables.barkOf(hz));
            f[i + 1] = hz / (sampleRateHz / 2.0);
            m[i + 1] = Double.isNaN(gainDb) ? 0 : Math.pow(10, gainDb / 20);
        }
        f[points + 1] = 1;
        m[0] = m[1];
        m[points + 1] = m[points];
        // Octave fir2: grid of gridN + 1 points, gridN = 2^nextpow2(K + 1).
        int gridN = Integer.highestOneBit(ORDER + 1);
        if (gridN < ORDER + 1) {
            gridN <<= 1;
        }
        double[] grid = new double[gridN + 1];
        for (int g = 0; g <= gridN; g++) {
            grid[g] = BarkTables.interpolate(f, m, g / (double) gridN);
        }
        // b = real(ifft([grid; grid(gridN:-1:2)])): a real even spectrum of length 2·gridN.
        int n = 2 * gridN;
        double[] packed = new double[n];
        packed[0] = grid[0];
        packed[1] = grid[gridN];
        for (int k = 1; k < gridN; k++) {
            packed[2 * k] = grid[k];
        }
        new RealFft(n).inverse(packed);
        // Centred: b = [B(end − K/2 + 1 : end); B(1 : K/2 + 1)], times hamming(K + 1).
        double[] taps = new double[ORDER + 1];
        for (int j = 0; j <= ORDER; j++) {
            int index = Math.floorMod(j - ORDER / 2, n);
            double hamming = 0.54 - 0.46 * Math.cos(2 * Math.PI * j / ORDER);
            taps[j] = packed[index] / n * hamming;
        }
        return taps;
    }

    /** @param taps the design of {@link #taps}, shared read-only between instances */
    EarTransmission(double[] taps, int frameLength) {
        this.frameLength = frameLength;
        int length = frameLength + ORDER;
        while (!RealFft.supports(length)) {
            length += 2;
        }
        convolutionLength = length;
        fft = new RealFft(length);
        tapSpectrum = new double[length];
        System.arraycopy(taps, 0, tapSpectrum, 0, taps.length);
        fft.forward(tapSpectrum);
        for (int i = 0; i < length; i++) {
            tapSpectrum[i] /= length;
        }
        work = new double[length];
    }

    /**
     * out[n] = Σ_j b_j·x[n + K/2 − j], n = 0 … frameLength − 1, x zero outside the frame: the filter output with
     * its K/2-sample delay removed.
     */
    void apply(double[] x, double[] out) {
        System.arraycopy(x, 0, work, 0, frameLength);
        Arrays.fill(work, frameLength, convolutionLength, 0.0);
        fft.forward(work);
        // Packed product: [0] and [1] are the real X_0 and X_{n/2}; then (re, im) pairs.
        work[0] *= tapSpectrum[0];
        work[1] *= tapSpectrum[1];
        for (int k = 2; k < convolutionLength; k += 2) {
            double re = work[k] * tapSpectrum[k] - work[k + 1] * tapSpectrum[k + 1];
            double im = work[k] * tapSpectrum[k + 1] + work[k + 1] * tapSpectrum[k];
            work[k] = re;
            work[k + 1] = im;
        }
        fft.inverse(work);
        System.arraycopy(work, ORDER / 2, out, 0, frameLength);
    }
}
