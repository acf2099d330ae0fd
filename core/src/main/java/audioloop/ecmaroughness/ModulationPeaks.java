package audioloop.ecmaroughness;

import audioloop.dsp.PairwiseSum;
import java.util.Arrays;

/**
 * The modulation-spectrum steps of ECMA-418-2:2025 roughness that work on one band and one block: the peak picking
 * and modulation rate estimation of Section 7.1.5.1 (Equations 72 to 82) and the estimation of the fundamental
 * modulation rate of Section 7.1.5.3 (Equations 88 to 94), in the order of operations of refmap-psychoacoustics'
 * {@code shm_spectral_weight} and {@code shm_fundamental_mod_rate}, whose results it reproduces.
 */
final class ModulationPeaks {
    /** At most ten peaks per band and block are considered (Section 7.1.5.1). */
    static final int MAX_PEAKS = 10;
    /** DFT resolution Δf of the 512-point envelope spectra at 1 500 Hz (Section 7.1.5.1). */
    static final double RESOLUTION_HZ = 1500.0 / 512;
    /** Peaks are searched among bins 3 … 253 of the bins 2 … 254 scipy's find_peaks sees (k = 3 … 254 allowed). */
    private static final int FIRST_BIN = 2;
    private static final int LAST_BIN = 254;
    /** Footnote 14: the ε guarding divisions. */
    private static final double EPSILON = 1e-12;
    /**
     * E(θ) of Table 8 for θ = 0 … 16, continued as refmap does: θ = 17 … 32 the negated values in reverse order,
     * then one 0 (index 33).
     */
    private static final double[] ERROR_CORRECTION;

    static {
        double[] table = {0.0000, 0.0457, 0.0907, 0.1346, 0.1765, 0.2157, 0.2515, 0.2828, 0.3084, 0.3269, 0.3364,
            0.3348, 0.3188, 0.2844, 0.2259, 0.1351, 0.0000};
        ERROR_CORRECTION = new double[34];
        System.arraycopy(table, 0, ERROR_CORRECTION, 0, table.length);
        for (int i = 0; i < 16; i++) {
            ERROR_CORRECTION[17 + i] = -table[15 - i];
        }
        ERROR_CORRECTION[33] = 0;
    }

    private ModulationPeaks() {
    }

    /**
     * Section 7.1.5.1 for one band and block: the peaks of the weighted modulation spectrum Φ̂(k) (scipy
     * {@code find_peaks} local maxima over k = 2 … 254, the ten most prominent, those above 5 % of the highest,
     * Equation 72), each peak's amplitude A_i = Φ̂(k−1) + Φ̂(k) + Φ̂(k+1) (82) and its rate from the parabola through
     * the three bins (73 to 76) corrected for the estimator's bias (77 to 81).
     *
     * @param spectrum Φ̂(k) for k = 0 … 255 at least
     * @param amplitudes out: A_i in slots 0 … count−1, the rest 0
     * @param rates      out: f_p,i in Hz in slots 0 … count−1, the rest 0
     */
    static void pick(double[] spectrum, double[] amplitudes, double[] rates) {
        Arrays.fill(amplitudes, 0);
        Arrays.fill(rates, 0);
        int n = LAST_BIN - FIRST_BIN + 1;
        int[] peaks = new int[n];
        int count = 0;
        // scipy.signal._peak_finding_utils._local_maxima_1d: rising edge, then a plateau, then a falling edge
        int i = 1;
        int last = n - 1;
        while (i < last) {
            if (at(spectrum, i - 1) < at(spectrum, i)) {
                int ahead = i + 1;
                while (ahead < last && at(spectrum, ahead) == at(spectrum, i)) {
                    ahead++;
                }
                if (at(spectrum, ahead) < at(spectrum, i)) {
                    peaks[count++] = (i + ahead - 1) / 2;
                    i = ahead;
                }
            }
            i++;
        }
        double[] prominences = new double[count];
        for (int p = 0; p < count; p++) {
            prominences[p] = prominence(spectrum, peaks[p], n);
        }
        boolean[] keep = new boolean[count];
        Arrays.fill(keep, true);
        if (count > MAX_PEAKS) {
            // the ten most prominent, in their order along k. On ties at the tenth value refmap fails (its
            // boolean mask loses its length); here the first ones along k are taken.
            double[] sorted = prominences.clone();
            Arrays.sort(sorted);
            double tenth = sorted[count - MAX_PEAKS];
            int above = 0;
            for (int p = 0; p < count; p++) {
                if (prominences[p] > tenth) {
                    above++;
                }
            }
            int ties = MAX_PEAKS - above;
            for (int p = 0; p < count; p++) {
                if (prominences[p] > tenth) {
                    keep[p] = true;
                } else if (prominences[p] == tenth && ties > 0) {
                    keep[p] = true;
                    ties--;
                } else {
                    keep[p] = false;
                }
            }
        }
        double highest = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < count; p++) {
            if (keep[p]) {
                highest = Math.max(highest, at(spectrum, peaks[p]));
            }
        }
        int slot = 0;
        for (int p = 0; p < count; p++) {
            if (!keep[p] || !(at(spectrum, peaks[p]) > 0.05 * highest)) {
                continue;
            }
            int k = peaks[p] + FIRST_BIN;
            double below = spectrum[k - 1];
            double centre = spectrum[k];
            double above = spectrum[k + 1];
            amplitudes[slot] = below + centre + above;
            double[] coefficients = parabola(k, below, centre, above);
            double estimate = -(coefficients[1] / (2 * coefficients[0])) * RESOLUTION_HZ;
            rates[slot] = estimate + biasCorrection(estimate);
            slot++;
        }
    }

    private static double at(double[] spectrum, int i) {
        return spectrum[FIRST_BIN + i];
    }

    /** scipy {@code peak_prominences} with no window: height above the higher of the two bases. */
    private static double prominence(double[] spectrum, int peak, int n) {
        double height = at(spectrum, peak);
        double leftMin = height;
        for (int i = peak; i >= 0 && at(spectrum, i) <= height; i--) {
            leftMin = Math.min(leftMin, at(spectrum, i));
        }
        double rightMin = height;
        for (int i = peak; i < n && at(spectrum, i) <= height; i++) {
            rightMin = Math.min(rightMin, at(spectrum, i));
        }
        return height - Math.max(leftMin, rightMin);
    }

    /**
     * Equation 73: C = K⁻¹·Φ for K's rows ((k−1)², k−1, 1), (k², k, 1), ((k+1)², k+1, 1) (Equation 75), by
     * Gaussian elimination with partial pivoting and reciprocal pivot scaling as LAPACK's {@code dgesv} (numpy's
     * {@code linalg.solve}).
     */
    static double[] parabola(int k, double below, double centre, double above) {
        double[][] m = new double[3][];
        double[] b = {below, centre, above};
        for (int r = 0; r < 3; r++) {
            double x = k - 1 + r;
            m[r] = new double[] {x * x, x, 1};
        }
        for (int col = 0; col < 3; col++) {
            int pivot = col;
            for (int r = col + 1; r < 3; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (pivot != col) {
                double[] row = m[pivot];
                m[pivot] = m[col];
                m[col] = row;
                double t = b[pivot];
                b[pivot] = b[col];
                b[col] = t;
            }
            double reciprocal = 1 / m[col][col];
            for (int r = col + 1; r < 3; r++) {
                m[r][col] *= reciprocal;
            }
            for (int r = col + 1; r < 3; r++) {
                for (int c = col + 1; c < 3; c++) {
                    m[r][c] -= m[r][col] * m[col][c];
                }
            }
        }
        for (int col = 0; col < 3; col++) {
            for (int r = col + 1; r < 3; r++) {
                b[r] -= b[col] * m[r][col];
            }
        }
        for (int col = 2; col >= 0; col--) {
            b[col] /= m[col][col];
            for (int r = 0; r < col; r++) {
                b[r] -= b[col] * m[r][col];
            }
        }
        return b;
    }

    /** ρ(f̃) of Equations 78 to 81: the interpolated bias E(θ) at the estimate's position between two bins. */
    private static double biasCorrection(double estimate) {
        double[] beta = new double[33];
        double bin = Math.floor(estimate / RESOLUTION_HZ);
        int thetaMin = 0;
        for (int theta = 0; theta < beta.length; theta++) {
            // Equation 79
            beta[theta] = (bin + theta / 32.0) * RESOLUTION_HZ - (estimate + ERROR_CORRECTION[theta]);
            if (Math.abs(beta[theta]) < Math.abs(beta[thetaMin])) {
                thetaMin = theta;
            }
        }
        // Equations 80, 81 (θ_corr ≤ 32: a minimum at 32 always has a sign change before it)
        int theta = thetaMin > 0 && beta[thetaMin] * beta[thetaMin - 1] < 0 ? thetaMin
                : Math.min(thetaMin + 1, beta.length - 1);
        return ERROR_CORRECTION[theta - 1] - (ERROR_CORRECTION[theta] - ERROR_CORRECTION[theta - 1])
                * beta[theta - 1] / (beta[theta] - beta[theta - 1]);
    }

    /**
     * Section 7.1.5.3 for one band and block: for every peak i₀ the set of peaks whose rates are near-integer
     * multiples of f_p,i₀ (Equations 88 to 90), the set with the largest weighted energy (91) gives the fundamental
     * rate; its amplitudes are weighted by the distance between their centre of gravity and the largest peak
     * (92 to 94).
     *
     * @param rates      f_p,i (slots with rate 0 are empty; the filled ones come first)
     * @param amplitudes Ã_i of Equation 83
     * @param weighted   out: Â_i, 0 outside the chosen set
     * @return the fundamental modulation rate f_0, or 0 when the block has no peak
     */
    static double fundamental(double[] rates, double[] amplitudes, double[] weighted) {
        Arrays.fill(weighted, 0);
        int n = 0;
        double maxRate = Double.NEGATIVE_INFINITY;
        for (double rate : rates) {
            maxRate = Math.max(maxRate, rate);
        }
        if (!(maxRate > 0)) {
            return 0;
        }
        double[] positive = new double[rates.length];
        for (double rate : rates) {
            if (rate > 0) {
                positive[n++] = rate;
            }
        }
        // refmap's rounding helper adds 10^−(n+1) (n = number of values) before rounding half to even
        double nudge = Double.parseDouble("1e-" + (n + 1));
        int[][] sets = new int[n][];
        double[] energies = new double[n];
        double[] ratio = new double[n];
        for (int i0 = 0; i0 < n; i0++) {
            for (int i = 0; i < n; i++) {
                ratio[i] = Math.rint(positive[i] / positive[i0] + nudge); // Equation 88
            }
            int[] candidates = candidates(ratio, positive, positive[i0]);
            int[] set = new int[candidates.length];
            int size = 0;
            for (int i : candidates) {
                if (harmonicDeviation(positive[i], ratio[i], positive[i0]) < 0.04) { // Equation 90
                    set[size++] = i;
                }
            }
            sets[i0] = Arrays.copyOf(set, size);
            energies[i0] = PairwiseSum.sum(gather(amplitudes, sets[i0]));  // Equation 91
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (energies[i] > energies[best]) {
                best = i;
            }
        }
        int[] set = sets[best];
        double[] setAmplitudes = gather(amplitudes, set);
        int largest = 0; // Equation 94
        for (int i = 1; i < set.length; i++) {
            if (setAmplitudes[i] > setAmplitudes[largest]) {
                largest = i;
            }
        }
        double[] moments = new double[set.length];
        double[] guarded = new double[set.length];
        for (int i = 0; i < set.length; i++) {
            moments[i] = positive[set[i]] * setAmplitudes[i];
            guarded[i] = setAmplitudes[i] + EPSILON;
        }
        // Equation 93
        double gravityWeight = 1 + 0.1 * Math.pow(Math.abs(PairwiseSum.sum(moments) / PairwiseSum.sum(guarded)
                - positive[set[largest]]), 0.749);
        for (int i = 0; i < set.length; i++) {
            weighted[set[i]] = gravityWeight * setAmplitudes[i]; // Equation 92
        }
        return positive[best];
    }

    /**
     * The peaks tested for a harmonic series on f_p,i₀ (Equation 89): every rate whose rounded ratio occurs once
     * (in ascending order of the ratio), then for each repeated ratio the one closest to that multiple.
     */
    private static int[] candidates(double[] ratio, double[] rates, double rate0) {
        int n = ratio.length;
        double[] unique = Arrays.stream(ratio).distinct().sorted().toArray();
        int[] result = new int[n];
        int size = 0;
        for (double value : unique) {
            int first = -1;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (ratio[i] == value) {
                    count++;
                    if (first < 0) {
                        first = i;
                    }
                }
            }
            if (count == 1) {
                result[size++] = first;
            }
        }
        for (double value : unique) {
            int chosen = -1;
            double closest = Double.POSITIVE_INFINITY;
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (ratio[i] == value) {
                    count++;
                    double deviation = harmonicDeviation(rates[i], ratio[i], rate0);
                    if (deviation < closest) {
                        closest = deviation;
                        chosen = i;
                    }
                }
            }
            if (count > 1) {
                result[size++] = chosen;
            }
        }
        return Arrays.copyOf(result, size);
    }

    /** |f_i/(R·f_i₀) − 1|, with refmap's 0 for the quotient when R·f_i₀ = 0. */
    private static double harmonicDeviation(double rate, double ratio, double rate0) {
        double denominator = ratio * rate0;
        return Math.abs((denominator != 0 ? rate / denominator : 0) - 1);
    }

    private static double[] gather(double[] values, int[] indices) {
        double[] out = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            out[i] = values[indices[i]];
        }
        return out;
    }
}
