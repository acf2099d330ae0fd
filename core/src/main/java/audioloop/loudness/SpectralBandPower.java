package audioloop.loudness;

import audioloop.dsp.FourStepDft;
import audioloop.dsp.PowerResponse;
import audioloop.dsp.SosBank;
import audioloop.dsp.SosFilter;
import audioloop.dsp.ZeroPhaseDecimator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntToDoubleFunction;

/**
 * The band mean squares {@link ThirdOctaveSpectrum} computes by filtering (np.mean(sosfilt(sos, decimate(x, q))²)),
 * obtained instead from one DFT of the whole signal. The filters are linear, so by Parseval a band's output energy is
 * the signal's power spectrum weighted by the filter chain's power response — exactly, for the linear convolution of
 * the zero-extended signal; the filtering differs from that only near the two ends of the signal, where it is
 * computed in the time domain:
 * <pre>
 *   Σ_{j&lt;N'} b[j]²  =  E_lin  +  START  +  END
 * </pre>
 * <ul>
 *   <li>E_lin = Σ_j b_lin[j]² over all j: b_lin is the band output for the zero-extended signal, with decimate's
 *   filtfilt taken as the ideal zero-phase |H_c|² and the band-pass run from rest at −∞. With the signal zero-padded
 *   to M samples, the M-point DFT X gives
 *   (1/(q·M))·Σ_m |Σ_k X[m + k·M/q]·|H_c|²|²·|H_bp(q·ω)|² summed over the band-rate bins m and the q spectral images
 *   k that decimation folds onto each (a real signal's mirror bins counted twice): exactly the energy of b_lin
 *   folded onto M' = M/q band-rate samples, E_lin + 2·Σ_i b_lin[i]·b_lin[i + M']. The zeros hold the first half of
 *   the slowest band's tail; the rest of the tail wraps onto the start, and that term is taken off in the time
 *   domain with START;</li>
 *   <li>START, END = Σ (b² − b_lin²) near the first and last samples, from the actual computation (decimate's odd
 *   extension and steady-state starts, the band-pass from rest at the first sample, the sum stopping at the last)
 *   and the zero-extended one, both run in the time domain on a window of the signal as long as the filters
 *   remember (22 time constants of the band-pass at the start, 20 of warm-up at the end; the end term includes the
 *   energy b_lin still releases after the signal: the tail).</li>
 * </ul>
 * Evaluating the weighted sum at every one of M/2 bins for 30 bands would cost as much as the filtering: the weights
 * are smooth at the scale of the bins, so above 4 800 bins the power spectrum is reduced once to its moments
 * Σ P·x^k (k ≤ 4) over blocks whose width grows with frequency (1/600 of the bin index), and a band's weight is
 * interpolated in each block at five Chebyshev nodes — a rule exact for polynomials of degree 4, whose error for
 * these rational responses is below 1e−11 of a block's share (the nearest pole of a weight is a quarter of a band's
 * width away from the real axis, 25 block widths). Blocks far from a band are skipped once the weight at the edge
 * times the energy beyond (monotone weights) is below 1e−14 of the band's sum. Decimated bands (fc &lt; fs/200) are
 * summed bin by bin where their band-pass passes more than 1e−7 (there the q images' cross terms matter); elsewhere
 * the images are bounded, by Cauchy–Schwarz per stretch of the band-rate spectrum, and must be below 1e−10 of the
 * band's energy.
 *
 * <p>A band is left to the time-domain filtering ({@link #NOT_COMPUTED}) when the signal is too short for the end
 * windows, when a bound is not met (a signal with far more energy in the images than in the band), or when START or
 * END would cancel more than three digits of E_lin (energy concentrated at the signal's ends). The tests compare the
 * two computations on noise, tones, chirps, clicks and short signals.
 */
final class SpectralBandPower {
    /** A band's value when the time-domain filtering must give it. */
    static final double NOT_COMPUTED = Double.NaN;
    /** Blocks above this many bins are 1/BLOCK_DIVISOR of their first bin wide. */
    private static final int BLOCK_DIVISOR = 600;
    /** Bins below this are summed one by one (blocks would be narrower than 8 bins). */
    private static final int SINGLE_BINS = 8 * BLOCK_DIVISOR;
    private static final int NODES = 5;
    /** Chebyshev nodes cos((2i + 1)π/10) of the block rule, and the inverse of their Vandermonde matrix. */
    private static final double[] NODE_X = new double[NODES];
    private static final double[][] NODE_INVERSE;
    /** Blocks far from a band are skipped when the weight bound times the energy beyond is below this share. */
    private static final double REGION_TOLERANCE = 1e-14;
    /** Decimated bands: bins where the band-pass passes more than this are folded exactly. */
    private static final double EXACT_FOLD_WEIGHT = 1e-4;
    /** The bounded image terms outside the exact stretch must stay below this share of the band's energy. */
    private static final double IMAGE_TOLERANCE = 1e-10;
    /** What b − b_lin left after the start window may still add, at most, as a share of the band's energy. */
    private static final double START_TOLERANCE = 1e-10;
    /** The end's estimated warm-up error may be at most this share of the band's energy. */
    private static final double END_TOLERANCE = 1e-10;
    /** START and END may not cancel more than this factor of E_lin. */
    private static final double CANCELLATION_LIMIT = 1e3;
    /**
     * Time constants of the band-pass: the longest start window; the end's warm-up, and its longest extension; the
     * tail after the end (e^−48 of the tail's energy is left); the undecimated bands' warm-up (cheap at ~500 samples
     * per time constant, so long enough for any signal).
     */
    private static final int START_LONGEST = 24;
    private static final int END_WARM_UP = 24;
    private static final int END_WARM_UP_LONGEST = 40;
    /** The warm-up error's energy is bounded by (this factor)² times e^−(warm-up difference) times the difference's. */
    private static final double TRANSIENT_GROWTH = 10;
    private static final int TAIL_TIME_CONSTANTS = 24;
    private static final int FULL_RATE_WARM_UP = 60;
    /** decimate's zero-phase filter is taken as settled when its impulse response is below this. */
    private static final double SETTLED = 1e-17;
    /** Stretches of the band-rate spectrum for the image bound. */
    private static final int IMAGE_CELLS = 256;
    /** Images of a decimated band's exact stretch left out of the exact fold (see Spectrum#foldedSum). */
    private static final double NEGLIGIBLE_IMAGE = 1e-26;
    /** How much longer than the shortest length {@link #transformLength} may choose a faster transform. */
    private static final double LENGTH_SLACK = 0.08;

    static {
        for (int i = 0; i < NODES; i++) {
            NODE_X[i] = Math.cos((2 * i + 1) * Math.PI / (2 * NODES));
        }
        NODE_INVERSE = invert(vandermonde(NODE_X));
    }

    private SpectralBandPower() {
    }

    /**
     * A band as {@link ThirdOctaveSpectrum} filters it: decimation factor q (1: none), the band-pass sections at fs/q
     * and their design edges (normalised to (fs/q)/2, as scipy's Wn).
     */
    record Band(int decimation, double[][] sos, double lowEdge, double highEdge) {
    }

    /** What the time-domain windows of one band need to know. */
    private static final class Plan {
        final int q;
        final Band band;
        final PowerResponse.ButterworthBandpass bandpass;
        /** The band-pass's slowest decay: a time constant in band-rate samples. */
        final double timeConstant;
        final int tail;
        /** Full-rate samples after which decimate's zero-phase filter has settled (0 for q = 1). */
        final int settle;

        Plan(Band band) {
            this.band = band;
            q = band.decimation();
            bandpass = (PowerResponse.ButterworthBandpass) PowerResponse.butterBandpass(band.sos().length,
                    band.lowEdge(), band.highEdge());
            timeConstant = -1 / Math.log(SosFilter.largestPoleRadius(band.sos()));
            tail = timeConstants(TAIL_TIME_CONSTANTS);
            settle = q > 1 ? (int) Math.ceil(Math.log(SETTLED) / Math.log(SosFilter.antiAliasingPoleRadius(q))) : 0;
        }

        /** k time constants, in band-rate samples. */
        int timeConstants(int k) {
            return (int) Math.ceil(k * timeConstant);
        }

        /** Band-rate samples of decimate's edge effects (and of the zero-phase ringing beyond the signal). */
        int edgeSamples() {
            return q > 1 ? settle / q + 2 : 0;
        }
    }

    /** The shortest signal whose longest end windows fit for every band (see {@link Edges}). */
    static int minimumSamples(List<Band> bands) {
        long longest = 0;
        for (Band band : bands) {
            Plan plan = new Plan(band);
            if (plan.q > 1) {
                longest = Math.max(longest, (long) (plan.timeConstants(START_LONGEST)
                        + plan.timeConstants(END_WARM_UP) + 5 * plan.edgeSamples() + 2) * plan.q + plan.settle);
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, longest);
    }

    /**
     * The DFT length for a signal of n samples: beyond n by half the longest tail and the pre-ringing, a multiple
     * of 2q for every factor q (so the decimated spectra are bins of it), with M/2 a product of 2, 3, 5 and at most
     * two 7s (JTransforms' mixed-radix lengths); of those up to {@link #LENGTH_SLACK} longer than the shortest, the
     * one {@link FourStepDft#estimatedNanos} says is fastest. The lengths' costs differ more than their sizes: for a
     * minute at 48 kHz (before the padding was halved) the shortest, 3 150 000 (sub-transforms of 1 250 = 2·5⁴ and
     * 1 260 points), took 44.2 ms with its lines, 3 225 600 (1 260 and 1 280 = 2⁸·5) 41.6 ms, interleaved on the same
     * machine.
     */
    static int transformLength(int n, List<Band> bands) {
        long shortest = shortestTransformLength(n, bands);
        long best = shortest;
        double bestNanos = FourStepDft.estimatedNanos((int) shortest, true);
        long multiple = lengthMultiple(bands);
        for (long m = shortest + multiple; m <= Math.min(shortest * (1 + LENGTH_SLACK), Integer.MAX_VALUE - 16);
             m += multiple) {
            if (smooth(m / 2)) {
                double nanos = FourStepDft.estimatedNanos((int) m, true);
                if (nanos < bestNanos) {
                    best = m;
                    bestNanos = nanos;
                }
            }
        }
        return (int) best;
    }

    /** 2q for every factor q, their least common multiple: the decimated spectra are bins of a multiple of it. */
    private static long lengthMultiple(List<Band> bands) {
        long multiple = 2;
        for (Band band : bands) {
            multiple = lcm(multiple, 2L * band.decimation());
        }
        return multiple;
    }

    /** The shortest DFT length the padding allows (see {@link #transformLength}). */
    static int shortestTransformLength(int n, List<Band> bands) {
        long padding = 0;
        for (Band band : bands) {
            Plan plan = new Plan(band);
            // b_lin rings for the tail after the signal's zero-phase ringing (settle samples), and rings up before
            // sample 0 for settle samples; the zeros hold the pre-ringing and the first half of the tail, and what
            // wraps round onto the start is taken off again ({@link Edges#wrapTerm})
            padding = Math.max(padding, (long) (plan.tail / 2 + 2) * plan.q + 2L * plan.settle);
        }
        long multiple = lengthMultiple(bands);
        long shortest = (n + padding + multiple - 1) / multiple * multiple;
        while (!smooth(shortest / 2)) {
            shortest += multiple;
        }
        if (shortest > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("signal too long for one transform: " + n + " samples");
        }
        return (int) shortest;
    }

    private static boolean smooth(long k) {
        for (int p : new int[] {2, 3, 5}) {
            while (k % p == 0) {
                k /= p;
            }
        }
        return k == 1 || k == 7 || k == 49;
    }

    private static long lcm(long a, long b) {
        long x = a;
        long y = b;
        while (y != 0) {
            long r = x % y;
            x = y;
            y = r;
        }
        return a / x * b;
    }

    /**
     * The bands' mean squares from the signal in {@code buffer[0 … n)}, which is zero beyond n and {@link
     * #transformLength} long. The buffer is transformed in place; when some band is {@link #NOT_COMPUTED} it holds
     * the signal again afterwards, to within rounding (the inverse transform), for the filters to read.
     */
    static double[] meanSquares(double[] buffer, int n, List<Band> bands) {
        int m = buffer.length;
        Plan[] plans = bands.stream().map(Plan::new).toArray(Plan[]::new);
        Edges edges = new Edges(buffer, n, plans);
        // every bin goes into its unit's moments as the transform's row pass ends (FourStepDft's fused read); any
        // rounding: the band sums read no rounding noise, and the decimation by 7 puts a factor 7 in M
        Spectrum spectrum = new Spectrum(m, plans);
        FourStepDft dft = new FourStepDft(buffer, 0, m / 2 + 1, spectrum, true);
        spectrum.finish(dft);
        double[] linear = new double[plans.length];
        double[] imageBound = new double[plans.length];
        for (int b = 0; b < plans.length; b++) {
            linear[b] = plans[b].q == 1 ? spectrum.fullRateEnergy(plans[b])
                    : spectrum.decimatedEnergy(plans[b], dft, imageBound, b);
        }
        double[][] terms = edges.corrections(linear);
        double[] meanSquares = new double[plans.length];
        boolean fallback = false;
        for (int b = 0; b < plans.length; b++) {
            double energy = linear[b] + terms[b][0];
            // the image bound is judged against the band's energy, not E_lin: they differ where START + END cancel
            boolean trusted = linear[b] > 0 && energy > 0 && linear[b] + terms[b][1] <= CANCELLATION_LIMIT * energy
                    && imageBound[b] <= IMAGE_TOLERANCE * energy;
            meanSquares[b] = trusted ? energy / ((n + plans[b].q - 1) / plans[b].q) : NOT_COMPUTED;
            fallback |= !trusted;
        }
        if (fallback) {
            dft.inverseInPlace();
            Arrays.fill(buffer, n, m, 0.0);
        }
        return meanSquares;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Time domain: START and END

    /**
     * START and END, from copies of the signal's first and last samples (taken before the transform overwrites it).
     * decimate's output d differs from d_lin only within `edge` band samples of each end (its odd extension and
     * steady-state starts against zeros; d_lin also rings beyond the signal), so b = b_lin + δ, δ the band-pass's
     * response to that short difference e = d·1[0, N') − d_lin, and
     * <pre>
     *   START + END = Σ_{0 ≤ j &lt; N'} (2·b_lin·δ + δ²) − Σ_{j &lt; 0} b_lin² − Σ_{j ≥ N'} b_lin²
     * </pre>
     * over windows where δ and b_lin have not died out. decimate's own output is needed for a few settling times at
     * each end; b_lin over the band-pass's memory, which is what costs (decimate's filter runs at the full rate):
     * <ul>
     *   <li>start: δ is known first (it needs e only); the window ends where the energy δ still has is too small for
     *   Σ 2·b_lin·δ beyond it to matter, by Cauchy–Schwarz (≤ 1e−10 of E_lin + END): 16 to 18 time constants for
     *   the benchmark signal, up to 24;</li>
     *   <li>end: b_lin from rest 24 time constants before the end, checked against a run from rest 12 before (see
     *   {@link EndRun#errorBound}, ≤ 1e−10 of E_lin + END); else 40 time constants, checked against 24.</li>
     * </ul>
     * A band whose windows do not fit or whose bounds are not met has no corrections (NaN).
     */
    private static final class Edges {
        private final int n;
        /** The transform's length M. */
        private final int m;
        private final Plan[] plans;
        /** x[0 … head.length) and x[n − tail.length … n). */
        private final double[] head;
        private final double[] tail;

        Edges(double[] x, int n, Plan[] plans) {
            this.n = n;
            this.m = x.length;
            this.plans = plans;
            long headLength = 0;
            long tailLength = 0;
            for (Plan plan : plans) {
                if (plan.q == 1) {
                    tailLength = Math.max(tailLength, plan.timeConstants(FULL_RATE_WARM_UP));
                } else {
                    headLength = Math.max(headLength, (long) (plan.timeConstants(START_LONGEST) + 2 * plan.edgeSamples())
                            * plan.q + plan.settle);
                    tailLength = Math.max(tailLength, (long) (plan.timeConstants(END_WARM_UP_LONGEST)
                            + 3 * plan.edgeSamples() + 1) * plan.q + plan.settle);
                }
            }
            head = Arrays.copyOf(x, (int) Math.min(n, headLength));
            tail = Arrays.copyOfRange(x, (int) Math.max(0, n - tailLength), n);
        }

        /** x[from … to) preceded by `leading` and followed by `zeros` zeros, decimated by q (no copy is made). */
        private double[] decimated(int q, int leading, int from, int to, int zeros) {
            double[] source;
            int offset;
            if (to <= head.length) {
                source = head;
                offset = from;
            } else if (from >= n - tail.length) {
                source = tail;
                offset = from - (n - tail.length);
            } else {
                throw new IllegalStateException("samples " + from + " … " + to + " were not kept");
            }
            int length = leading + (to - from) + zeros;
            double[] out = new double[(length + q - 1) / q];
            int[] filled = {0};
            ZeroPhaseDecimator decimator = new ZeroPhaseDecimator((index, decimated, at, count) -> {
                System.arraycopy(decimated, at, out, filled[0], count);
                filled[0] += count;
            }, q);
            double[] silence = new double[Math.max(1, Math.min(Math.max(leading, zeros), 1 << 14))];
            feedZeros(decimator, silence, leading);
            decimator.accept(source, offset, to - from);
            feedZeros(decimator, silence, zeros);
            decimator.finish();
            return out;
        }

        private static void feedZeros(ZeroPhaseDecimator decimator, double[] silence, int count) {
            for (int done = 0; done < count; done += silence.length) {
                decimator.accept(silence, 0, Math.min(silence.length, count - done));
            }
        }

        /** x[from … to) followed by `zeros` zeros, from the tail copy. */
        private double[] tailSegment(int from, int zeros) {
            double[] out = new double[n - from + zeros];
            System.arraycopy(tail, from - (n - tail.length), out, 0, n - from);
            return out;
        }

        /** Per band {START + END, Σ |terms|}, or {NaN, NaN} where E_lin is NaN or a window or bound fails. */
        double[][] corrections(double[] linear) {
            double[][] terms = new double[plans.length][];
            TreeMap<Integer, List<Integer>> byFactor = new TreeMap<>();
            for (int b = 0; b < plans.length; b++) {
                terms[b] = new double[] {Double.NaN, Double.NaN};
                if (linear[b] > 0) {
                    byFactor.computeIfAbsent(plans[b].q, k -> new ArrayList<>()).add(b);
                }
            }
            for (var entry : byFactor.entrySet()) {
                if (entry.getKey() > 1) {
                    decimatedBands(entry.getKey(), entry.getValue(), linear, terms);
                    continue;
                }
                for (int b : entry.getValue()) {
                    double after = fullRateTail(plans[b]);
                    terms[b] = new double[] {-after, after};
                }
            }
            return terms;
        }

        /**
         * q = 1: the actual output is b_lin itself up to the last sample (the same filter from rest on the same
         * samples), so END is minus the tail: the band-pass's state after the last sample (from a warm-up over the
         * last 60 time constants) run on with zero input.
         */
        private double fullRateTail(Plan plan) {
            int from = Math.max(0, n - plan.timeConstants(FULL_RATE_WARM_UP));
            double[] y = filter(plan.band.sos(), tailSegment(from, plan.tail));
            return sumOfSquares(y, n - from, y.length);
        }

        /** START and END of the bands decimated by q (each decimation serves them all). */
        private void decimatedBands(int q, List<Integer> members, double[] linear, double[][] terms) {
            Plan first = plans[members.get(0)];
            int edge = first.edgeSamples();
            int settle = first.settle;
            int startLongest = 0;
            int warmUp = 0;
            int warmUpLongest = 0;
            for (int b : members) {
                startLongest = Math.max(startLongest, plans[b].timeConstants(START_LONGEST));
                warmUp = Math.max(warmUp, plans[b].timeConstants(END_WARM_UP));
                warmUpLongest = Math.max(warmUpLongest, plans[b].timeConstants(END_WARM_UP_LONGEST));
            }
            int decimated = (n + q - 1) / q;
            int differsFrom = decimated - 2 * edge; // e (and δ) start here at the end
            if ((long) startLongest * q + settle > head.length || differsFrom - warmUp - edge
                    < startLongest + edge || (long) (differsFrom - warmUp - edge) * q < n - tail.length) {
                return; // too short
            }
            // the longer warm-up, if some band needs it, must fit too
            boolean longerFits = differsFrom - warmUpLongest - edge >= startLongest + edge
                    && (long) (differsFrom - warmUpLongest - edge) * q >= n - tail.length;
            // END first (its check and the start window are judged against E_lin + END, the band's energy but for
            // START: a click at the very end puts far more into E_lin than the filters see)
            int shortFrom = (differsFrom - edge) * q;
            double[] actualEnd = decimated(q, 0, shortFrom, n, 0); // i: band sample differsFrom − edge + i
            int linearFrom = (differsFrom - warmUp - edge) * q;
            double[] linearEnd = decimated(q, 0, linearFrom, n, settle + 2 * q); // i: differsFrom − warmUp − edge + i
            int endSpan = linearEnd.length - edge - warmUp; // band samples from differsFrom on
            double[] eEnd = new double[endSpan];
            for (int i = 0; i < endSpan; i++) {
                int j = differsFrom + i;
                eEnd[i] = (j < decimated ? actualEnd[i + edge] : 0) - linearEnd[i + edge + warmUp];
            }
            double[] extension = null; // d_lin over [differsFrom − warmUpLongest, differsFrom − warmUp)
            double[][] ends = new double[plans.length][];
            double[][] endings = new double[plans.length][]; // b_lin from differsFrom on, of the chosen end run
            for (int b : members) {
                Plan plan = plans[b];
                double[] deltaEnd = filter(plan.band.sos(), Arrays.copyOf(eEnd, 2 * edge)); // δ up to N' − 1
                // the warm-up, checked against a run from rest halfway; extended once if the check fails
                int warm = plan.timeConstants(END_WARM_UP);
                EndRun end = new EndRun(plan, linearEnd, edge + warmUp - warm, warm, deltaEnd, edge);
                EndRun half = new EndRun(plan, linearEnd, edge + warmUp - warm / 2, warm / 2, deltaEnd, edge);
                if (end.errorBound(half, warm - warm / 2) > END_TOLERANCE * reference(linear[b], end.value)) {
                    if (!longerFits) {
                        continue; // no corrections: handed back to the filters
                    }
                    if (extension == null) {
                        int extensionFrom = (differsFrom - warmUpLongest - edge) * q;
                        int extensionTo = (differsFrom - warmUp) * q + settle + q;
                        extension = decimated(q, 0, extensionFrom, extensionTo, 0);
                    }
                    int longer = plan.timeConstants(END_WARM_UP_LONGEST);
                    double[] joined = new double[longer + (linearEnd.length - edge - warmUp)];
                    // extension index i: band sample differsFrom − warmUpLongest − edge + i
                    int extensionPart = longer - warmUp;
                    System.arraycopy(extension, warmUpLongest + edge - longer, joined, 0, extensionPart);
                    System.arraycopy(linearEnd, edge, joined, extensionPart, linearEnd.length - edge);
                    EndRun longEnd = new EndRun(plan, joined, 0, longer, deltaEnd, edge);
                    EndRun shortEnd = new EndRun(plan, joined, longer - warm, warm, deltaEnd, edge);
                    if (longEnd.errorBound(shortEnd, longer - warm)
                            > END_TOLERANCE * reference(linear[b], longEnd.value)) {
                        continue;
                    }
                    end = longEnd;
                }
                ends[b] = new double[] {end.value, end.magnitude};
                endings[b] = end.ending;
            }
            // START: e over band samples [−edge, 2·edge), from d over [0, 2·edge) and d_lin after edge·q zeros; δ
            // first, the window from δ, then b_lin over the longest window any band needs
            int shortStart = 2 * edge * q + settle;
            double[] actualStart = decimated(q, 0, 0, shortStart, 0);
            double[] linearShort = decimated(q, edge * q, 0, shortStart, 0);
            double[] eStart = new double[3 * edge];
            for (int j = -edge; j < 2 * edge; j++) {
                eStart[j + edge] = (j >= 0 ? actualStart[j] : 0) - linearShort[j + edge];
            }
            double[][] deltas = new double[plans.length][];
            int[] windows = new int[plans.length];
            int window = 0;
            for (int b : members) {
                Plan plan = plans[b];
                windows[b] = -1;
                if (ends[b] == null) {
                    continue;
                }
                double[] delta = filter(plan.band.sos(), Arrays.copyOf(eStart, edge + plan.timeConstants(START_LONGEST)));
                windows[b] = startWindow(delta, edge, plan, reference(linear[b], ends[b][0]));
                deltas[b] = delta;
                window = Math.max(window, windows[b]);
            }
            // b_lin at the start also over what the end's tail wraps onto (see wrapTerm)
            int bandLength = m / q;
            int[] reach = new int[plans.length];
            for (int b : members) {
                if (windows[b] > 0) {
                    reach[b] = Math.max(windows[b], differsFrom + endings[b].length - bandLength);
                    window = Math.max(window, reach[b]);
                }
            }
            if (window > 0 && (long) window * q + settle > head.length) {
                return; // the wrap reaches past the kept head: handed back
            }
            double[] linearStart = window <= 0 ? null
                    : decimated(q, edge * q, 0, window * q + settle, 0); // i: band sample i − edge
            for (int b : members) {
                if (windows[b] <= 0) {
                    continue;
                }
                // START over band samples [−edge, window): b_lin from rest after the zeros, δ likewise
                double[] bLinear = filter(plans[b].band.sos(), Arrays.copyOf(linearStart, edge + reach[b]));
                double[] delta = deltas[b];
                double before = sumOfSquares(bLinear, 0, edge);
                double[] start = crossTerms(bLinear, delta, edge, windows[b]);
                double wrap = wrapTerm(bLinear, edge, endings[b], differsFrom, bandLength);
                terms[b] = new double[] {start[0] - before + ends[b][0] - 2 * wrap,
                    start[1] + before + ends[b][1] + 2 * Math.abs(wrap)};
            }
        }

        /**
         * The transform is shorter than b_lin: the band-rate spectrum E_lin is summed from is that of b_lin folded
         * onto M' = M/q samples, whose energy is E_lin + 2·C with C = Σ_i b_lin[i]·b_lin[i + M'], the tail beyond M'
         * (and the pre-ringing before 0, which wraps onto the end) meeting the start. C from b_lin at the start
         * (bLinear, index i + edge) and at the end (ending, index i − differsFrom).
         */
        private static double wrapTerm(double[] bLinear, int edge, double[] ending, int differsFrom, int bandLength) {
            double c = 0;
            int from = Math.max(-edge, differsFrom - bandLength);
            int to = Math.min(bLinear.length - edge, differsFrom + ending.length - bandLength);
            for (int i = from; i < to; i++) {
                c += bLinear[i + edge] * ending[i + bandLength - differsFrom];
            }
            return c;
        }

        /**
         * Σ (2·b_lin·δ + δ²) over indices from … from + count − 1 (b = b_lin + δ there, so this is Σ b² − Σ b_lin²), and
         * the sum of its terms' magnitudes: {value, magnitude}.
         */
        private static double[] crossTerms(double[] bLinear, double[] delta, int from, int count) {
            double cross = 0;
            double crossMagnitude = 0;
            double deltaSquares = 0;
            for (int i = from; i < from + count; i++) {
                double c = 2 * bLinear[i] * delta[i];
                cross += c;
                crossMagnitude += Math.abs(c);
                deltaSquares += delta[i] * delta[i];
            }
            return new double[] {cross + deltaSquares, crossMagnitude + deltaSquares};
        }

        /** What the tolerances are shares of: E_lin + END, the band's energy but for START (at least 0). */
        private static double reference(double linear, double end) {
            return Math.max(0, linear + end);
        }

        /**
         * The end's terms from d_lin[from …] (band sample differsFrom − warm at index from): b_lin from rest there, on
         * through the ringing and the tail; value = Σ (2·b_lin·δ + δ²) − Σ_{j ≥ N'} b_lin², magnitude = Σ |terms|.
         */
        private static final class EndRun {
            final double value;
            final double magnitude;
            /** b_lin from differsFrom on (the end's stretch and the tail). */
            final double[] ending;
            private final double timeConstant;

            EndRun(Plan plan, double[] linearEnd, int from, int warm, double[] deltaEnd, int edge) {
                double[] input = new double[linearEnd.length - from + plan.tail];
                System.arraycopy(linearEnd, from, input, 0, linearEnd.length - from);
                double[] b = filter(plan.band.sos(), input); // index i: band sample differsFrom − warm + i
                ending = Arrays.copyOfRange(b, warm, b.length);
                timeConstant = plan.timeConstant;
                double[] cross = crossTerms(ending, deltaEnd, 0, 2 * edge);
                double after = sumOfSquares(ending, 2 * edge, ending.length);
                value = cross[0] - after;
                magnitude = cross[1] + after;
            }

            /**
             * A bound on this run's error from its warm-up, given a run from rest `extra` band samples later: their
             * difference is (nearly) the later run's error, a free response of the band-pass, and this run's error is
             * the same kind of response started `extra` samples earlier, so smaller in energy by about
             * e^(−2·extra/τ) (times a margin for the transient growth of a cascade); the terms it enters are bounded
             * by Cauchy–Schwarz against b_lin's energy over the end and the tail.
             */
            double errorBound(EndRun later, int extra) {
                int length = Math.min(ending.length, later.ending.length);
                double difference = 0;
                for (int i = 0; i < length; i++) {
                    double d = ending[i] - later.ending[i];
                    difference += d * d;
                }
                double error = difference * TRANSIENT_GROWTH * TRANSIENT_GROWTH * Math.exp(-2.0 * extra / timeConstant);
                double energy = sumOfSquares(ending, 0, ending.length);
                return 2 * Math.sqrt(energy * error) + error;
            }
        }

        /**
         * The start window for a band, in band samples: the first multiple of a time constant from which δ's remaining
         * energy r (beyond the computed stretch: its last time constant's energy times 1/(e² − 1), the decay of the
         * slowest mode) satisfies 2·√(r·E_lin) ≤ START_TOLERANCE·E_lin; −1 if none within START_LONGEST.
         */
        private static int startWindow(double[] delta, int edge, Plan plan, double linear) {
            int step = (int) Math.ceil(plan.timeConstant);
            double lastStep = sumOfSquares(delta, delta.length - step, delta.length);
            double remaining = lastStep / (Math.E * Math.E - 1);
            double allowed = START_TOLERANCE * START_TOLERANCE * linear / 4;
            int best = -1;
            for (int end = delta.length; end - step >= edge; end -= step) {
                if (remaining > allowed) {
                    break;
                }
                best = end - edge;
                remaining += sumOfSquares(delta, end - step, end);
            }
            return best;
        }
    }

    /** sosfilt(sos, x) from rest. */
    private static double[] filter(double[][] sos, double[] x) {
        double[] y = new double[x.length];
        new SosBank(sos).filter(new double[][] {x}, 0, new double[][] {y}, 0, 1, x.length);
        return y;
    }

    private static double sumOfSquares(double[] y, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += y[i] * y[i];
        }
        return sum;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Frequency domain: E_lin

    /**
     * The power spectrum P_m = c_m·|X_m|² (c = 2 for 0 &lt; m &lt; M/2: the mirror bin) reduced to units: single bins
     * below {@link #SINGLE_BINS}, blocks above, cut at every fold point k·M/(2q) so that no unit straddles a
     * decimated band's Nyquist frequency or an image boundary. A unit holds its nodes' t = tan(ω/2) and masses (the
     * block rule's weights times the block's moments, so that Σ mass·W(t) is the rule's Σ P·W) and its energy Σ P.
     */
    private static final class Spectrum implements FourStepDft.LineSink {
        /** unitAt[j ≫ INDEX_SHIFT] is the unit holding bin (j ≫ INDEX_SHIFT) ≪ INDEX_SHIFT. */
        private static final int INDEX_SHIFT = 5;
        final int m;
        final int half;
        int units;
        int[] unitStart;
        int[] nodeFrom;
        double[] nodeT;
        double[] nodeMass;
        double[] energy;
        /** Σ energy of the units before u; cumulative[units] is the total. */
        double[] cumulative;
        /** t at each unit's first bin (edgeT[units] at the bin after the last). */
        double[] edgeT;
        /**
         * Per unit, its bins' moments Σ P·x^i (i &lt; NODES, x the bin's place in the unit scaled to [−1, 1]) at
         * moments[NODES·u + i], summed as the transform hands the bins over; a single bin's P at i = 0.
         */
        private double[] moments;
        /** Per unit, its centre bin and the inverse of its half-width (0 for a single bin): x = (j − centre)·inverse. */
        private double[] centre;
        private double[] inverse;
        private int[] unitAt;
        /** The transform, for tan(πj/M) from its table of unit roots (once it is done). */
        private FourStepDft dft;

        /** The units of an M-point spectrum, empty: {@link #lines} fills them, {@link #finish} reduces them to nodes. */
        Spectrum(int m, Plan[] plans) {
            this.m = m;
            this.half = m / 2;
            layOut(foldPoints(plans));
        }

        /** k·M/(2q) for every factor q and k = 1 … q: the bins where a unit must end. */
        private int[] foldPoints(Plan[] plans) {
            java.util.TreeSet<Integer> points = new java.util.TreeSet<>();
            for (Plan plan : plans) {
                for (int k = 1; k <= plan.q; k++) {
                    points.add((int) ((long) k * m / (2L * plan.q)));
                }
            }
            points.add(half + 1);
            return points.stream().mapToInt(Integer::intValue).toArray();
        }

        /** tan(πj/M), 0 ≤ j ≤ M/2 (+∞ at M/2). */
        double tanHalf(long j) {
            return dft.tanHalfAngle(j);
        }

        private void layOut(int[] folds) {
            // the units tile [0, M/2]: each starts where the one before ends
            int[] starts = new int[SINGLE_BINS + 8 * BLOCK_DIVISOR];
            units = 0;
            int fold = 0;
            for (int s = 0; s <= half; ) {
                while (folds[fold] <= s) {
                    fold++;
                }
                int width = s < SINGLE_BINS ? 1 : Math.max(8, s / BLOCK_DIVISOR);
                int e = Math.min(s + width, folds[fold]);
                // too narrow for the rule: single bins
                int step = e - s >= 2 && e - s < NODES ? 1 : e - s;
                for (int j = s; j < e; j += step) {
                    if (units == starts.length) {
                        starts = Arrays.copyOf(starts, 2 * units);
                    }
                    starts[units++] = j;
                }
                s = e;
            }
            unitStart = Arrays.copyOf(starts, units + 1);
            unitStart[units] = half + 1;
            moments = new double[NODES * units];
            centre = new double[units];
            inverse = new double[units];
            for (int u = 0; u < units; u++) {
                int width = unitStart[u + 1] - unitStart[u];
                centre[u] = unitStart[u] + (width - 1) / 2.0;
                inverse[u] = width == 1 ? 0 : 1 / ((width - 1) / 2.0);
            }
            unitAt = new int[(half >> INDEX_SHIFT) + 1];
            for (int i = 0, u = 0; i < unitAt.length; i++) {
                while (unitStart[u + 1] <= i << INDEX_SHIFT) {
                    u++;
                }
                unitAt[i] = u;
            }
        }

        /** Adds bins firstBin … firstBin + count − 1 to their units' moments (FourStepDft's row pass, any order). */
        @Override
        public void lines(int firstBin, int count, double[] re, double[] im, int at) {
            int u = unitAt[firstBin >> INDEX_SHIFT];
            while (unitStart[u + 1] <= firstBin) {
                u++;
            }
            int end = firstBin + count;
            for (int j = firstBin; j < end; ) {
                // the bins of this call in unit u
                int stop = Math.min(end, unitStart[u + 1]);
                double c = centre[u];
                double scale = inverse[u];
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                double s4 = 0;
                for (; j < stop; j++) {
                    int i = at + j - firstBin;
                    double p = multiplicity(j) * (re[i] * re[i] + im[i] * im[i]);
                    double x = (j - c) * scale;
                    double x2 = x * x;
                    s0 += p;
                    s1 += p * x;
                    s2 += p * x2;
                    s3 += p * x2 * x;
                    s4 += p * x2 * x2;
                }
                int base = NODES * u;
                moments[base] += s0;
                moments[base + 1] += s1;
                moments[base + 2] += s2;
                moments[base + 3] += s3;
                moments[base + 4] += s4;
                u++;
            }
        }

        /** After the transform: each unit's nodes (t and mass, by the block rule from its moments) and energy. */
        void finish(FourStepDft transform) {
            this.dft = transform;
            nodeFrom = new int[units + 1];
            energy = new double[units];
            cumulative = new double[units + 1];
            edgeT = new double[units + 1];
            int nodes = 0;
            for (int u = 0; u < units; u++) {
                nodeFrom[u] = nodes;
                nodes += unitStart[u + 1] - unitStart[u] == 1 ? 1 : NODES;
            }
            nodeFrom[units] = nodes;
            nodeT = new double[nodes];
            nodeMass = new double[nodes];
            for (int u = 0; u < units; u++) {
                int s = unitStart[u];
                int base = NODES * u;
                if (unitStart[u + 1] - s == 1) {
                    nodeT[nodeFrom[u]] = tanHalf(s);
                    nodeMass[nodeFrom[u]] = moments[base];
                } else {
                    double halfWidth = (unitStart[u + 1] - s - 1) / 2.0;
                    for (int i = 0; i < NODES; i++) {
                        double mass = 0;
                        for (int k = 0; k < NODES; k++) {
                            mass += NODE_INVERSE[k][i] * moments[base + k];
                        }
                        nodeMass[nodeFrom[u] + i] = mass;
                        nodeT[nodeFrom[u] + i] = Math.tan(Math.PI * (centre[u] + NODE_X[i] * halfWidth) / m);
                    }
                }
                energy[u] = moments[base];
                edgeT[u] = tanHalf(s);
                cumulative[u + 1] = cumulative[u] + energy[u];
            }
            edgeT[units] = tanHalf(Math.min(half, unitStart[units]));
            moments = null;
        }

        private int multiplicity(int bin) {
            return bin == 0 || bin == half ? 1 : 2;
        }

        /** The unit holding bin j. */
        int unitOf(int j) {
            int u = Arrays.binarySearch(unitStart, 0, units + 1, j);
            return u >= 0 ? u : -u - 2;
        }

        /** Σ over unit u's nodes of mass·weight(node). */
        double unitSum(int u, IntToDoubleFunction weight) {
            double sum = 0;
            for (int i = nodeFrom[u]; i < nodeFrom[u + 1]; i++) {
                sum += nodeMass[i] * weight.applyAsDouble(i);
            }
            return sum;
        }

        /**
         * inner (the sum over the units [firstUnit, endUnit)) plus the units around them outward, within [lowUnit,
         * highUnit), until the weight's bound at the edge times the energy beyond is below the tolerance; the bound is
         * the weight at unit u's first bin (monotone weights away from the band), computed by {@code edgeBound}.
         */
        double sumOutward(int firstUnit, int endUnit, int lowUnit, int highUnit, IntToDoubleFunction weight,
                          IntToDoubleFunction edgeBound, double inner) {
            double sum = inner;
            for (int u = firstUnit - 1; u >= lowUnit; u--) {
                sum += unitSum(u, weight);
                if (edgeBound.applyAsDouble(u) * (cumulative[u] - cumulative[lowUnit]) <= REGION_TOLERANCE * sum) {
                    break;
                }
            }
            for (int u = endUnit; u < highUnit; u++) {
                sum += unitSum(u, weight);
                if (edgeBound.applyAsDouble(u + 1) * (cumulative[highUnit] - cumulative[u + 1])
                        <= REGION_TOLERANCE * sum) {
                    break;
                }
            }
            return sum;
        }

        /**
         * What the bands decimated by one factor q share: decimate's |H_c|²; the band-rate t of the nodes and unit edges
         * (tan(q·ω/2)) and |H_c|⁴ of the nodes, filled as the bands read them (NaN until computed); and, for the image
         * bound, the main-zone unit energies spread over the stretches of [0, M'/2] they touch and the image units'
         * energies times |H_c|⁴ at their lowest frequency (the stop-band falls monotonically), folded onto the
         * band-rate spectrum likewise.
         */
        private final class FactorTables {
            final int q;
            final PowerResponse antiAliasing;
            final double[] nodeT;
            final double[] nodeAntiAliasing;
            final double[] edgeT;
            final double[] mainCells = new double[IMAGE_CELLS];
            final double[] imageCells = new double[IMAGE_CELLS];

            FactorTables(int q) {
                this.q = q;
                antiAliasing = SosFilter.antiAliasingResponse(q);
                nodeT = new double[nodeFrom[units]];
                nodeAntiAliasing = new double[nodeT.length];
                edgeT = new double[units + 1];
                Arrays.fill(nodeT, Double.NaN);
                Arrays.fill(edgeT, Double.NaN);
                int bandRate = m / q;
                int nyquist = bandRate / 2;
                for (int u = 0; u < units; u++) {
                    int s = unitStart[u];
                    int e = unitStart[u + 1] - 1;
                    if (e < nyquist) {
                        spread(mainCells, s, e, nyquist, energy[u]);
                    } else {
                        int fs = fold(s, bandRate);
                        int fe = fold(e, bandRate);
                        double c = antiAliasing.at(SpectralBandPower.Spectrum.this.edgeT[u]);
                        spread(imageCells, Math.min(fs, fe), Math.max(fs, fe), nyquist, energy[u] * c * c);
                    }
                }
            }

            /** |H_c|⁴·|H_bp|² at node i. */
            double weight(PowerResponse bandpass, int i) {
                if (Double.isNaN(nodeT[i])) {
                    double t = SpectralBandPower.Spectrum.this.nodeT[i];
                    nodeT[i] = Math.abs(tanMultiple(t, q));
                    double c = antiAliasing.at(t);
                    nodeAntiAliasing[i] = c * c;
                }
                return nodeAntiAliasing[i] * bandpass.at(nodeT[i]);
            }

            /** |H_bp|² at unit u's first bin (|H_c|⁴ ≤ 1: a bound). */
            double edgeBound(PowerResponse bandpass, int u) {
                if (Double.isNaN(edgeT[u])) {
                    edgeT[u] = Math.abs(tanMultiple(SpectralBandPower.Spectrum.this.edgeT[u], q));
                }
                return bandpass.at(edgeT[u]);
            }
        }

        private final java.util.Map<Integer, FactorTables> tablesByFactor = new java.util.HashMap<>();

        /** E_lin of an undecimated band: (1/M)·Σ P·|H_bp|². */
        double fullRateEnergy(Plan plan) {
            PowerResponse bandpass = plan.bandpass;
            int peak = unitOf((int) Math.min(half, Math.round(m * Math.atan(plan.bandpass.peakT()) / Math.PI)));
            IntToDoubleFunction weight = i -> bandpass.at(nodeT[i]);
            IntToDoubleFunction edgeBound = u -> bandpass.at(edgeT[u]);
            double sum = sumOutward(peak, peak + 1, 0, units, weight, edgeBound, unitSum(peak, weight));
            return sum / m;
        }

        /**
         * E_lin of a band decimated by q: the bins where its band-pass passes more than {@link #EXACT_FOLD_WEIGHT}
         * with their q images folded exactly, the rest of the band-rate spectrum [0, M/(2q)] by the block rule with
         * weight |H_c|⁴·|H_bp|², the images there bounded: the bound goes to imageBounds[band], in E_lin's units.
         */
        double decimatedEnergy(Plan plan, FourStepDft dft, double[] imageBounds, int band) {
            int q = plan.q;
            int bandRate = m / q; // M' band-rate bins
            int nyquist = bandRate / 2; // full-rate bin of the band-rate Nyquist frequency (a fold point)
            double[] tRange = plan.bandpass.tWhere(EXACT_FOLD_WEIGHT);
            int low = (int) Math.max(1, Math.floor(bandRate * Math.atan(tRange[0]) / Math.PI));
            int high = (int) Math.min(nyquist - 1, Math.ceil(bandRate * Math.atan(tRange[1]) / Math.PI));
            int firstExact = unitOf(low);
            int endExact = unitOf(high) + 1;
            int exactFrom = unitStart[firstExact];
            int exactTo = unitStart[endExact];
            int mainEnd = unitOf(nyquist);
            if (exactTo > nyquist) {
                return Double.NaN;
            }
            FactorTables tables = tablesByFactor.computeIfAbsent(q, FactorTables::new);
            double[] handledCells = new double[IMAGE_CELLS];
            double[] skippedBound = new double[1];
            double exact = foldedSum(plan, tables.antiAliasing, dft, exactFrom, exactTo, handledCells, skippedBound);
            double sum = sumOutward(firstExact, endExact, 0, mainEnd, i -> tables.weight(plan.bandpass, i),
                    u -> tables.edgeBound(plan.bandpass, u), exact);
            // The image bound, stretch by stretch of the band-rate spectrum: the main-zone energy outside the exact
            // stretch and the image energy not folded exactly, each times the band-pass's largest weight there.
            double[] mainCells = tables.mainCells.clone();
            for (int u = firstExact; u < endExact; u++) {
                spread(mainCells, unitStart[u], unitStart[u + 1] - 1, nyquist, -energy[u]);
            }
            double bound = skippedBound[0];
            for (int c = 0; c < IMAGE_CELLS; c++) {
                double w = cellWeight(plan, c, nyquist, exactFrom, exactTo);
                double main = Math.max(0, mainCells[c]) * w;
                double image = Math.max(0, tables.imageCells[c] - handledCells[c]) * w;
                bound += 2 * Math.sqrt(main * (q - 1) * image) + (q - 1) * image;
            }
            imageBounds[band] = bound / ((double) q * m);
            return Double.isFinite(bound) ? sum / ((double) q * m) : Double.NaN;
        }

        /**
         * The band-pass's largest weight over stretch c outside the exact stretch [exactFrom, exactTo): unimodal with
         * its peak inside the exact stretch, so the value at the stretch's end nearest to it.
         */
        private double cellWeight(Plan plan, int c, int nyquist, int exactFrom, int exactTo) {
            // the stretch's bins, widened by one each way against the rounding of its mapping in spread
            long lo = Math.max(0, (long) c * (nyquist + 1) / IMAGE_CELLS - 1);
            long hi = Math.min(nyquist, (long) (c + 1) * (nyquist + 1) / IMAGE_CELLS + 1);
            double best = 0;
            if (lo < exactFrom) { // rising towards the peak: the highest bin below the exact stretch
                best = plan.bandpass.at(tanHalf(Math.min(hi, exactFrom - 1) * plan.q));
            }
            if (hi >= exactTo) { // falling after it: the lowest bin from the exact stretch's end
                best = Math.max(best, plan.bandpass.at(tanHalf(Math.max(lo, exactTo) * plan.q)));
            }
            return best;
        }

        /**
         * Σ_{m' ∈ [from, to)} 2·|Σ_{k<q} X[m' + k·M']·|H_c|²|²·|H_bp(m')|², reading each image's stretch of bins in
         * one pass; the images' energies times |H_c|⁴ are added to the stretches they fold onto (handledCells).
         * Images deep in decimate's stop-band are left out: those where |H_c|⁴ ≤ {@link #NEGLIGIBLE_IMAGE} times the
         * main stretch's energy over the image stretch's (most of them: only the images next to the main one pass
         * more, at q = 2 none). Left out, they change the sum by at most 2·√(S·E) + E (S the sum without them, E the
         * number left out times Σ their energies times their largest |H_c|⁴, by Cauchy–Schwarz), which goes to
         * skippedBound[0]: ~1e−11 of S where the image stretches hold the main stretch's energy.
         */
        private double foldedSum(Plan plan, PowerResponse antiAliasing, FourStepDft dft, int from, int to,
                                 double[] handledCells, double[] skippedBound) {
            int q = plan.q;
            int bandRate = m / q;
            int nyquist = bandRate / 2;
            int length = to - from;
            double[] sumRe = new double[length];
            double[] sumIm = new double[length];
            double[] re = new double[length];
            double[] im = new double[length];
            double cellsPerBin = cellsPerBin(nyquist);
            double mainEnergy = foldedEnergy(from, from + length - 1L);
            double skippedEnergy = 0;
            int skipped = 0;
            for (int k = 0; k < q; k++) {
                long first = from + (long) k * bandRate; // full-circle bins first … first + length − 1
                if (k > 0) {
                    // |H_c| falls monotonically through the stop-band: its largest value is at the lowest frequency
                    long lowest = foldedLowest(first, first + length - 1L);
                    double largest = antiAliasing.at(Math.abs(tanHalf(lowest)));
                    double imageEnergy = foldedEnergy(first, first + length - 1L) * largest * largest;
                    if (imageEnergy <= NEGLIGIBLE_IMAGE * mainEnergy) {
                        skippedEnergy += imageEnergy;
                        skipped++;
                        continue;
                    }
                }
                readCircle(dft, first, length, re, im);
                for (int i = 0; i < length; i++) {
                    long bin = first + i;
                    int folded = (int) (bin <= half ? bin : m - bin);
                    double c = antiAliasing.at(Math.abs(tanHalf(folded)));
                    sumRe[i] += re[i] * c;
                    sumIm[i] += im[i] * c;
                    if (k > 0) {
                        double p = multiplicity(folded) * (re[i] * re[i] + im[i] * im[i]) * c * c;
                        handledCells[cell(from + i, cellsPerBin)] += p;
                    }
                }
            }
            double sum = 0;
            for (int i = 0; i < length; i++) {
                double tBand = tanHalf((long) (from + i) * q);
                sum += 2 * (sumRe[i] * sumRe[i] + sumIm[i] * sumIm[i]) * plan.bandpass.at(tBand);
            }
            double e = skipped * skippedEnergy;
            skippedBound[0] = 2 * Math.sqrt(Math.max(0, sum) * e) + e;
            return sum;
        }

        /**
         * The lowest frequency's bin among full-circle bins first … last (first &lt; last &lt; M), folded onto [0, M/2]:
         * the folded bins rise to M/2 and fall after it, so one of the two ends.
         */
        private long foldedLowest(long first, long last) {
            return Math.min(first <= half ? first : m - first, last <= half ? last : m - last);
        }

        /**
         * An upper bound on Σ P over full-circle bins first … last (P = c·|X|², c the one-sided multiplicity, ≥ the
         * folded sum's 2·|X|² but at bins 0 and M/2): the energies of the units that hold them, folded onto [0, M/2].
         */
        private double foldedEnergy(long first, long last) {
            long a = first <= half ? first : m - first;
            long b = last <= half ? last : m - last;
            long lo = Math.min(a, b);
            long hi = first <= half && last > half ? half : Math.max(a, b);
            return cumulative[unitOf((int) hi) + 1] - cumulative[unitOf((int) lo)];
        }

        /** X at full-circle bins first … first + count − 1 (bins past M/2 are the conjugate mirror's). */
        private void readCircle(FourStepDft dft, long first, int count, double[] re, double[] im) {
            int done = 0;
            while (done < count) {
                long bin = first + done;
                if (bin <= half) {
                    int run = (int) Math.min(count - done, half + 1 - bin);
                    dft.bins((int) bin, (int) bin + run, re, done, im, done);
                    done += run;
                } else {
                    // bins M − bin downwards: read ascending, then reverse and conjugate
                    int run = (int) Math.min(count - done, m - bin);
                    int low = (int) (m - bin - run + 1);
                    dft.bins(low, low + run, re, done, im, done);
                    for (int i = 0; i < run / 2; i++) {
                        swap(re, done + i, done + run - 1 - i);
                        swap(im, done + i, done + run - 1 - i);
                    }
                    for (int i = 0; i < run; i++) {
                        im[done + i] = -im[done + i];
                    }
                    done += run;
                }
            }
        }

        private static void swap(double[] a, int i, int j) {
            double t = a[i];
            a[i] = a[j];
            a[j] = t;
        }

        /** Full-rate bin j folded onto the band-rate spectrum [0, M'/2]. */
        private static int fold(int j, int bandRate) {
            int r = j % bandRate;
            return r <= bandRate / 2 ? r : bandRate - r;
        }

        /** Adds value to every stretch the band-rate bins [lo, hi] touch. */
        private static void spread(double[] cells, int lo, int hi, int nyquist, double value) {
            double perBin = cellsPerBin(nyquist);
            for (int c = cell(lo, perBin); c <= cell(hi, perBin); c++) {
                cells[c] += value;
            }
        }

        /** Stretches per band-rate bin of [0, nyquist]: one mapping everywhere, multiplied rather than divided. */
        private static double cellsPerBin(int nyquist) {
            return (double) IMAGE_CELLS / (nyquist + 1);
        }

        /** The stretch holding band-rate bin j ≤ nyquist. */
        private static int cell(int j, double cellsPerBin) {
            return Math.min((int) (j * cellsPerBin), IMAGE_CELLS - 1);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Small algebra

    /** tan(q·α) from t = tan α, through (1 + i·t)^q. */
    static double tanMultiple(double t, int q) {
        if (q == 1) {
            return t;
        }
        if (Double.isInfinite(t)) {
            return q % 2 == 0 ? 0 : t; // α = π/2: qα = 0 (mod π) for even q
        }
        double re = 1;
        double im = 0;
        for (int k = 0; k < q; k++) {
            double r = re - im * t;
            im = re * t + im;
            re = r;
        }
        return re == 0 ? Double.POSITIVE_INFINITY : im / re;
    }

    private static double[][] vandermonde(double[] x) {
        double[][] v = new double[x.length][x.length];
        for (int i = 0; i < x.length; i++) {
            double p = 1;
            for (int k = 0; k < x.length; k++) {
                v[i][k] = p;
                p *= x[i];
            }
        }
        return v;
    }

    /** Gauss–Jordan inverse with partial pivoting (5×5). */
    private static double[][] invert(double[][] a) {
        int n = a.length;
        double[][] w = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, w[i], 0, n);
            w[i][n + i] = 1;
        }
        for (int c = 0; c < n; c++) {
            int pivot = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(w[r][c]) > Math.abs(w[pivot][c])) {
                    pivot = r;
                }
            }
            double[] t = w[c];
            w[c] = w[pivot];
            w[pivot] = t;
            double d = w[c][c];
            for (int k = 0; k < 2 * n; k++) {
                w[c][k] /= d;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = w[r][c];
                    for (int k = 0; k < 2 * n; k++) {
                        w[r][k] -= f * w[c][k];
                    }
                }
            }
        }
        double[][] inverse = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(w[i], n, inverse[i], 0, n);
        }
        return inverse;
    }
}
