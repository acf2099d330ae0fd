package audioloop.tonality;

import audioloop.dsp.PairwiseSum;
import audioloop.dsp.WholeSignalSpectrum;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tone-to-noise ratio and prominence ratio of a stationary sound after ECMA-74 Annex D (ECMA-418-1), as MoSQITo
 * 1.2.1 {@code tnr_ecma_st} / {@code pr_ecma_st} compute them:
 * <ol>
 *   <li>one Hann-windowed DFT of the whole signal ({@link WholeSignalSpectrum}), levels in dB re 20 µPa, the lines
 *       labelled 89.1 Hz &lt; f &lt; 11.2 kHz kept;</li>
 *   <li>tone candidates (Bray &amp; Caspary's screening): local maxima 6 dB above the 1/24-octave energy-averaged
 *       spectrum and 10 dB above the threshold of hearing (D.7.1), each grown to the neighbouring lines still 6 dB
 *       above the smoothed spectrum, moved to the highest of them, and kept if narrower than its critical band;</li>
 *   <li>TNR (D.6–D.9): per candidate, the highest (and second highest) tone of its critical band; the tone level
 *       from the lines around the peak within 10 dB; the noise from the band's energy minus the tone's, scaled to
 *       the critical bandwidth; two tones closer than Δf = 21·10^(1.2·|log10(f/212)|^1.8) Hz count as one;</li>
 *   <li>PR (D.10): the centred critical band's level against the mean of the bands just below and above (the lower
 *       one scaled to 100 Hz below 171.4 Hz);</li>
 *   <li>prominence: ΔL_T ≥ 8 + 8.33·log10(1000/f) dB below 1 kHz and ≥ 8 dB above; ΔL_P ≥ 9 + 10·log10(1000/f) dB
 *       up to 1 kHz and ≥ 9 dB above; totals 10·log10 Σ 10^(ΔL/10) over the prominent tones (ECMA TR/108).</li>
 * </ol>
 * MoSQITo's order of operations, index conventions (band limits found by nearest label, sums over [lower, upper)
 * slices, the sequential builtin sums) are kept where they change numbers; docs/tonality.md lists its quirks.
 */
public final class EcmaTonality {
    /** ECMA-74 D.5: tones are sought above 89.1 Hz and below 11.2 kHz. */
    static final double LOWEST_HZ = 89.1;
    static final double HIGHEST_HZ = 11200;
    /** Edges of the 1/24-octave smoothing (MoSQITo's {@code _screening_for_tones(…, 90, 11200)}). */
    private static final double SMOOTHING_LOW_HZ = 90;
    private static final int SMOOTHING_BANDS_PER_OCTAVE = 24;
    /** A candidate line exceeds the smoothed spectrum by this much (Bray &amp; Caspary). */
    private static final double ABOVE_SMOOTHED_DB = 6;
    /** … and the threshold of hearing by this much. */
    private static final double ABOVE_THRESHOLD_DB = 10;
    /** Peak level: neighbouring lines within this many dB of the peak are part of the tone (D.9). */
    private static final double PEAK_SPREAD_DB = 10;

    /** The analysed lines' levels in dB, and their powers 10^(L/10); their labels fr[j] are {@link #labelHz}. */
    private final double[] levelDb;
    private final double[] power;
    /** Index of fr[0] in MoSQITo's full label axis frs (used where MoSQITo mixes the two axes). */
    private final int offset;
    private final double binHz;
    /** {@link #bandSum}'s results by range (from in the high half of the key, to in the low). */
    private final Map<Long, Double> bandSums = new HashMap<>();

    /**
     * The analysed lines: levels levelDb of bins offset, offset + 1, … with labels (k + 1)·binHz. Their powers are
     * written into power[0 … lines): the transformed signal's array, free once the levels are read (the same values
     * in 5 MB a minute not allocated and zeroed).
     */
    private EcmaTonality(double[] levelDb, int offset, double binHz, double[] power) {
        this.levelDb = levelDb;
        int m = levelDb.length;
        this.power = power;
        for (int j = 0; j < m; j++) {
            // MoSQITo's 10**(L/10) of its dB levels, not |X|² directly: the TNR's noise is the band's power minus the
            // tone's, which cancel to 1e-12 for a pure tone, so the last bits of each power matter (measured: |X|²
            // moved the TNR of iso532-1_b3_04 by 0.011 dB).
            power[j] = Math.pow(10, levelDb[j] / 10);
        }
        this.offset = offset;
        this.binHz = binHz;
    }

    /**
     * A bin k ≥ from whose label's predecessor is at most f (or from itself), near f: where the walks to the first
     * label above f (below: the first not below) start, instead of at bin 0 (0.7 ms a minute of lines). The labels
     * increase with k, so the walks end on the same bins.
     */
    private static int firstBin(int n, double sampleRateHz, double f, int from) {
        int k = (int) Math.max(from, Math.min(n / 2, f / WholeSignalSpectrum.frequencyHz(0, n, sampleRateHz) - 2));
        while (k > from && WholeSignalSpectrum.frequencyHz(k - 1, n, sampleRateHz) >= f) {
            k--;
        }
        return k;
    }

    /**
     * Analyses a stationary signal.
     *
     * @param pressurePa   the whole signal in pascals; overwritten (the DFT runs in place, then it holds the lines'
     *                     powers)
     * @param sampleRateHz its sampling rate
     */
    public static TonalityResult analyze(double[] pressurePa, double sampleRateHz) {
        // The analysed lines are known before the transform, which then reads their levels as it ends.
        int n = pressurePa.length;
        int bins = n / 2;
        int first = firstBin(n, sampleRateHz, LOWEST_HZ, 0);
        while (first < bins && !(WholeSignalSpectrum.frequencyHz(first, n, sampleRateHz) > LOWEST_HZ)) {
            first++;
        }
        int end = firstBin(n, sampleRateHz, HIGHEST_HZ, first);
        while (end < bins && WholeSignalSpectrum.frequencyHz(end, n, sampleRateHz) < HIGHEST_HZ) {
            end++;
        }
        double[] levelDb = new double[end - first];
        new WholeSignalSpectrum(pressurePa, sampleRateHz, WholeSignalSpectrum.Window.HANN, first, end, levelDb);
        EcmaTonality lines = new EcmaTonality(levelDb, first, WholeSignalSpectrum.frequencyHz(0, n, sampleRateHz),
                pressurePa);
        int analysedLines = lines.levelDb.length;
        if (analysedLines < TonalityResult.MIN_LINES) {
            return new TonalityResult(List.of(), List.of(), null, null, 0, analysedLines);
        }
        int[] candidates = lines.candidates();
        int[] dropped = new int[1];
        List<ToneRatio> tnr = lines.toneToNoiseRatios(candidates, dropped);
        List<ToneRatio> pr = lines.prominenceRatios(candidates, dropped);
        return new TonalityResult(tnr, pr, total(tnr), total(pr), dropped[0], analysedLines);
    }

    /** 10·log10 Σ 10^(ΔL/10) over the prominent tones, summed in order; null when there is none. */
    private static Double total(List<ToneRatio> tones) {
        double sum = 0;
        for (ToneRatio tone : tones) {
            if (tone.prominent()) {
                sum += Math.pow(10, tone.ratioDb() / 10);
            }
        }
        return sum != 0 ? 10 * Math.log10(sum) : null;
    }

    /**
     * The frequency of analysed line j as the DFT defines it, k·fs/n (k = offset + j): what a tone is reported at.
     * MoSQITo reports its label (k + 1)·fs/n, one line higher (a 1 kHz sine of 2 s at 1000.5 Hz); the label still
     * drives every computation here, for parity of the ratios and flags.
     */
    private double dftLineHz(int j) {
        return (offset + j) * binHz;
    }

    /**
     * MoSQITo's label fr[j] of analysed line j, (offset + j + 1)·fs/n: the same product as
     * {@link WholeSignalSpectrum#frequencyHz}, computed where it is read rather than stored (5 MB a minute).
     */
    private double labelHz(int j) {
        return (offset + j + 1) * binHz;
    }

    /** MoSQITo's label of line i of the full axis (frs[i] = (i + 1)·fs/n). */
    private double fullAxisHz(int i) {
        return (i + 1) * binHz;
    }

    /** numpy argmin(|fr − f|): the analysed line nearest to f, the lower one on a tie. */
    private int nearest(double f) {
        int m = levelDb.length;
        int guess = (int) Math.max(Math.min(Math.round(f / binHz) - 1 - offset, (long) m - 1), 0);
        int best = Math.max(0, guess - 2);
        for (int j = best + 1; j <= Math.min(m - 1, guess + 2); j++) {
            if (Math.abs(labelHz(j) - f) < Math.abs(labelHz(best) - f)) {
                best = j;
            }
        }
        return best;
    }

    /**
     * Power of lines [from, to), summed in order (MoSQITo's builtin sum), each range once: the TNR and PR loops sum
     * many of the same critical bands (a minute of the benchmark's noise: 105 sums, 79 ranges, 3.3 M → 2.4 M lines).
     */
    private double bandSum(int from, int to) {
        return bandSums.computeIfAbsent(((long) from << 32) | (to & 0xFFFF_FFFFL), range -> {
            double sum = 0;
            for (int j = from; j < to; j++) {
                sum += power[j];
            }
            return sum;
        });
    }

    // ---- screening -------------------------------------------------------------------------------------------

    /**
     * The 1/24-octave energy-averaged spectrum on the analysed lines (MoSQITo {@code _spectrum_smoothing}): base-10
     * bands from 90 Hz to 11.2 kHz (first lower edge set to 90 Hz, last upper edge to 11.2 kHz), empty bands
     * dropped, each band's mean power over its lines except line 0 (MoSQITo's segment test excludes it), then
     * written on lines [nearest(lower edge), nearest(upper edge)) in band order. Lines no band covers are 0 dB here;
     * MoSQITo leaves them uninitialised ({@code numpy.empty}, undefined values): the last line (never a candidate,
     * and the width walk stops there) and the lines between 89.1 Hz and the one nearest 90 Hz, where a tone would be
     * judged against 0 dB here and against whatever memory held in MoSQITo.
     */
    private double[] smoothedDb() {
        double g = Math.pow(10, 3.0 / 10);
        int b = SMOOTHING_BANDS_PER_OCTAVE;
        List<double[]> bands = new ArrayList<>();
        double upper = 0;
        for (int x = -1000; upper <= HIGHEST_HZ; x++) {
            // ISO 266 / IEC 61260-1 base-10 exact mid-band frequency for an even number of bands per octave.
            double mid = Math.pow(g, (2.0 * x - 59) / (2.0 * b)) * 1000;
            double lower = Math.pow(g, -1.0 / (2 * b)) * mid;
            upper = Math.pow(g, 1.0 / (2 * b)) * mid;
            if (upper >= SMOOTHING_LOW_HZ) {
                bands.add(new double[] {lower, upper});
            }
        }
        bands.get(0)[0] = SMOOTHING_LOW_HZ;
        bands.get(bands.size() - 1)[1] = HIGHEST_HZ;
        // MoSQITo's band loop: an empty band is deleted, but the loop index still advances (so the band moving
        // into its place is skipped) and the remaining count drops twice (so as many bands at the end are never
        // visited); skipped bands keep the initial 0 dB and are painted like the others.
        List<Double> values = new ArrayList<>();
        for (int k = 0; k < bands.size(); k++) {
            values.add(0.0);
        }
        int remaining = bands.size();
        for (int i = 0; remaining > 0; i++) {
            double[] band = bands.get(i);
            int from = firstAtLeast(band[0]);
            int to = firstAbove(band[1]);
            if (to <= from) {
                bands.remove(i);
                values.remove(i);
                remaining--;
            } else {
                int start = Math.max(from, 1);
                double mean = to > start ? PairwiseSum.sum(power, start, to - start) / (to - start) : 1e-12;
                values.set(i, 10 * Math.log10(mean));
            }
            remaining--;
        }
        double[] smoothed = new double[levelDb.length];
        for (int k = 0; k < bands.size(); k++) {
            int low = nearest(bands.get(k)[0]);
            int high = nearest(bands.get(k)[1]);
            for (int j = low; j < high; j++) {
                smoothed[j] = values.get(k);
            }
        }
        return smoothed;
    }

    private int firstAtLeast(double f) {
        int lo = 0;
        int hi = levelDb.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (labelHz(mid) >= f) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private int firstAbove(double f) {
        int lo = 0;
        int hi = levelDb.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (labelHz(mid) > f) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** Tone candidates, line indices in increasing order of discovery (MoSQITo {@code _screening_for_tones}). */
    private int[] candidates() {
        double[] smoothed = smoothedDb();
        int m = levelDb.length;
        // Line indices as int arrays, not boxed lists: a minute of noise has ~10^5 local maxima to screen.
        int[] index = new int[64];
        int maxima = 0;
        for (int i = 1; i < m - 1; i++) {
            // numpy diff(sign(diff(L))) < 0 (a strict or plateau-edge local maximum), 6 dB above the smoothed
            // spectrum and 10 dB above the threshold; the rarely true level test first, which keeps the loop's
            // branches predictable on noise (half its lines are maxima).
            if (levelDb[i] > smoothed[i] + ABOVE_SMOOTHED_DB
                    && Math.signum(levelDb[i + 1] - levelDb[i]) - Math.signum(levelDb[i] - levelDb[i - 1]) < 0
                    && HearingThreshold.exceeds(levelDb[i], labelHz(i), ABOVE_THRESHOLD_DB)) {
                if (maxima == index.length) {
                    index = Arrays.copyOf(index, 2 * maxima);
                }
                index[maxima++] = i;
            }
        }
        int[] tones = new int[maxima];
        int toneCount = 0;
        int next = 0;
        while (next < maxima) {
            int peak = index[next];
            int lowLimit = peak;
            int highLimit = peak;
            int t = peak + 1;
            while (levelDb[t] > smoothed[t] + ABOVE_SMOOTHED_DB && t + 1 < m) {
                if (levelDb[t] > levelDb[peak]) {
                    peak = t;
                }
                highLimit++;
                t++;
            }
            // MoSQITo walks left from the (possibly moved) peak but counts the width from the first candidate.
            t = peak - 1;
            while (t >= 0 && levelDb[t] > smoothed[t] + ABOVE_SMOOTHED_DB) {
                if (levelDb[t] > levelDb[peak]) {
                    peak = t;
                }
                lowLimit--;
                t--;
            }
            double toneWidthHz = labelHz(highLimit) - labelHz(Math.floorMod(lowLimit, m));
            if (toneWidthHz < CriticalBand.centredOn(labelHz(peak)).widthHz()) {
                tones[toneCount++] = peak;
            }
            while (next < maxima && index[next] <= highLimit) {
                next++;
            }
        }
        return Arrays.copyOf(tones, toneCount);
    }

    // ---- highest tones of a critical band ---------------------------------------------------------------------

    /**
     * Candidates not yet evaluated, and MoSQITo's separate count of them. The screening yields strictly increasing
     * lines (a candidate's region ends on a line at most 6 dB above the smoothed spectrum, which the next region's
     * walk cannot cross), so MoSQITo's list order is line order and the pending set is a sorted array with removal
     * marks: every operation costs a binary search plus the lines of one critical band, not a pass over all
     * candidates (10 000 in a minute of white noise).
     */
    private static final class Pending {
        private final int[] lines;
        private final boolean[] removed;
        private int first;
        private int size;
        int count;

        Pending(int[] candidates) {
            lines = candidates;
            for (int i = 1; i < lines.length; i++) {
                if (lines[i] <= lines[i - 1]) {
                    throw new IllegalStateException("tone candidates out of order at " + i);
                }
            }
            removed = new boolean[lines.length];
            size = lines.length;
            count = lines.length;
        }

        boolean isEmpty() {
            return size == 0;
        }

        int size() {
            return size;
        }

        /** The first pending line (MoSQITo's {@code peaks[0]}). */
        int first() {
            while (removed[first]) {
                first++;
            }
            return lines[first];
        }

        /** Position of the first line ≥ line. */
        private int lowerBound(int line) {
            int lo = first;
            int hi = lines.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (lines[mid] < line) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }

        /** Pending lines strictly between low and high, in order. */
        int[] strictlyBetween(int low, int high) {
            int start = lowerBound(low + 1);
            int end = start;
            while (end < lines.length && lines[end] < high) {
                end++;
            }
            int[] inside = new int[end - start];
            int count = 0;
            for (int i = start; i < end; i++) {
                if (!removed[i]) {
                    inside[count++] = lines[i];
                }
            }
            return Arrays.copyOf(inside, count);
        }

        /** Removes line (MoSQITo deletes every occurrence; there is at most one). */
        void remove(int line) {
            int i = lowerBound(line);
            if (i < lines.length && lines[i] == line && !removed[i]) {
                removed[i] = true;
                size--;
            }
        }

        /** Removes the pending lines in [low, high]; returns how many. */
        int removeBetween(int low, int high) {
            int before = size;
            for (int i = lowerBound(low); i < lines.length && lines[i] <= high; i++) {
                if (!removed[i]) {
                    removed[i] = true;
                    size--;
                }
            }
            return before - size;
        }
    }

    /**
     * MoSQITo {@code _find_highest_tone}: among the pending candidates strictly inside the critical band centred on
     * line {@code ind}, the highest and second highest; the others are dropped; if the highest is not {@code ind}
     * the search repeats around it. Returns {highest, second or −1}.
     */
    private int[] highestTones(Pending pending, int ind) {
        CriticalBand band = CriticalBand.centredOn(labelHz(ind));
        int low = nearest(band.lowerHz());
        int high = nearest(band.upperHz());
        int[] inside = pending.strictlyBetween(low, high);
        if (inside.length <= 1) {
            return new int[] {ind, -1};
        }
        // MoSQITo sorts them by level, highest first, keeps the first two and drops the rest. The same two in one
        // pass: the sort is stable (equal levels keep line order), so a later line displaces only on a strictly
        // higher level (compared as the sort's key −L is, with Double.compare).
        int first = inside[0];
        int second = -1;
        for (int k = 1; k < inside.length; k++) {
            int p = inside[k];
            if (Double.compare(-levelDb[p], -levelDb[first]) < 0) {
                second = first;
                first = p;
            } else if (second < 0 || Double.compare(-levelDb[p], -levelDb[second]) < 0) {
                second = p;
            }
        }
        for (int p : inside) {
            if (p != first && p != second) {
                pending.remove(p);
                pending.count--;
            }
        }
        if (first != ind) {
            return highestTones(pending, first);
        }
        return new int[] {first, second};
    }

    // ---- tone-to-noise ratio -----------------------------------------------------------------------------------

    /**
     * The tone level of a peak (MoSQITo {@code _peak_level}, ECMA-74 D.9): the peak line's power plus its
     * neighbours on each side while they keep decreasing (compared as MoSQITo does, with |L|) and stay within 10 dB
     * of the peak.
     */
    private double peakLevelDb(int peak) {
        int m = levelDb.length;
        double peakDb = levelDb[peak];
        double level = peakDb;
        int t = peak + 1;
        if (t != m) {
            double previous = peakDb;
            while (previous - Math.abs(levelDb[t]) > 0) {
                if (peakDb - levelDb[t] < PEAK_SPREAD_DB) {
                    previous = levelDb[t];
                    level = 10 * Math.log10(Math.pow(10, level / 10) + Math.pow(10, levelDb[t] / 10));
                    t++;
                    if (t == m) {
                        t--;
                        previous = -1;
                    }
                } else {
                    previous = -1;
                }
            }
        }
        t = peak - 1;
        if (t != -1) {
            double previous = peakDb;
            while (previous - Math.abs(levelDb[t]) > 0) {
                if (peakDb - levelDb[t] < PEAK_SPREAD_DB) {
                    previous = levelDb[t];
                    level = 10 * Math.log10(Math.pow(10, level / 10) + Math.pow(10, levelDb[t] / 10));
                    t--;
                    if (t < 0) {
                        t++;
                        previous = -1;
                    }
                } else {
                    previous = -1;
                }
            }
        }
        return level;
    }

    /** ECMA-74 D.8 proximity: two tones closer than this count as one tone for the TNR. */
    private static double proximityHz(double f) {
        return 21 * Math.pow(10, 1.2 * Math.pow(Math.abs(Math.log10(f / 212)), 1.8));
    }

    private List<ToneRatio> toneToNoiseRatios(int[] candidates, int[] dropped) {
        Pending pending = new Pending(candidates);
        List<ToneRatio> tones = new ArrayList<>();
        while (pending.count > 0 && !pending.isEmpty()) {
            int ind = pending.first();
            int[] highest = pending.size() > 1 ? highestTones(pending, ind) : new int[] {ind, -1};
            int primary = highest[0];
            int secondary = highest[1];
            double fp = labelHz(primary);
            CriticalBand band = CriticalBand.centredOn(fp);
            int low = nearest(band.lowerHz());
            int high = nearest(band.upperHz());
            double totalDb = 10 * Math.log10(bandSum(low, high));
            double toneDb;
            double toneWidthHz;
            if (secondary >= 0 && Math.abs(labelHz(secondary) - fp) < proximityHz(fp)) {
                // Two tones in one critical band closer than the proximity limit: their levels add (D.8).
                double primaryDb = peakLevelDb(primary);
                double secondaryDb = peakLevelDb(secondary);
                toneDb = 10 * Math.log10(Math.pow(10, primaryDb / 10) + Math.pow(10, secondaryDb / 10));
                pending.remove(secondary);
                pending.count--;
                toneWidthHz = 2 * (fullAxisHz(1) - fullAxisHz(0));
            } else if (secondary >= 0) {
                // MoSQITo takes the bare line level here, without the peak-level correction.
                toneDb = levelDb[primary];
                toneWidthHz = labelHz(1) - labelHz(0);
            } else {
                toneDb = peakLevelDb(primary);
                toneWidthHz = labelHz(1) - labelHz(0);
            }
            // Masking noise: the band's energy without the tone's, scaled to the critical bandwidth (D.9).
            double bandLinesHz = fullAxisHz(high) - fullAxisHz(low);
            double noiseDb = 10 * Math.log10(Math.pow(10, totalDb / 10) - Math.pow(10, toneDb / 10))
                    + 10 * Math.log10(band.widthHz() / (bandLinesHz - toneWidthHz));
            double ratioDb = toneDb - noiseDb;
            if (ratioDb > 0) {
                if (Double.isFinite(ratioDb)) {
                    double limitDb = fp < 1000 ? 8 + 8.33 * Math.log10(1000 / fp) : 8;
                    tones.add(new ToneRatio(dftLineHz(primary), ratioDb, ratioDb >= limitDb));
                } else {
                    dropped[0]++;
                }
            }
            pending.remove(primary);
            pending.count--;
        }
        return tones;
    }

    // ---- prominence ratio --------------------------------------------------------------------------------------

    /** Level in dB of lines [nearest(lower), nearest(upper)), 0 when they carry no power (MoSQITo's rule). */
    private double bandLevelDb(CriticalBand band) {
        double sum = bandSum(nearest(band.lowerHz()), nearest(band.upperHz()));
        return sum != 0 ? 10 * Math.log10(sum) : 0;
    }

    private List<ToneRatio> prominenceRatios(int[] candidates, int[] dropped) {
        Pending pending = new Pending(candidates);
        List<ToneRatio> tones = new ArrayList<>();
        while (pending.count > 0 && !pending.isEmpty()) {
            int ind = pending.first();
            if (pending.size() > 1) {
                ind = highestTones(pending, ind)[0];
            }
            double ft = labelHz(ind);
            CriticalBand middle = CriticalBand.centredOn(ft);
            int low = nearest(middle.lowerHz());
            int high = nearest(middle.upperHz());
            double middleSum = bandSum(low, high);
            double middleDb = middleSum != 0 ? 10 * Math.log10(middleSum) : 0;
            CriticalBand below = CriticalBand.below(ft);
            double belowDb = bandLevelDb(below);
            double aboveDb = bandLevelDb(CriticalBand.above(ft));
            // D.10: below 171.4 Hz the lower band's power is scaled to a 100 Hz width.
            double belowPower = ft <= CriticalBand.LOW_RULE_LIMIT_HZ
                    ? (100 / below.widthHz()) * Math.pow(10, 0.1 * belowDb) : Math.pow(10, 0.1 * belowDb);
            double ratioDb = 10 * Math.log10(Math.pow(10, 0.1 * middleDb))
                    - 10 * Math.log10((belowPower + Math.pow(10, 0.1 * aboveDb)) * 0.5);
            if (ratioDb > 0) {
                if (Double.isFinite(ratioDb)) {
                    double limitDb = ft <= 1000 ? 9 + 10 * Math.log10(1000 / ft) : 9;
                    tones.add(new ToneRatio(dftLineHz(ind), ratioDb, ratioDb >= limitDb));
                } else {
                    dropped[0]++;
                }
            }
            // Every pending candidate of the centred band is done; MoSQITo would loop forever if that removed none
            // (possible only on very coarse spectra), so the first pending one goes then.
            int removed = pending.removeBetween(low, high);
            if (removed == 0) {
                pending.remove(pending.first());
                removed = 1;
            }
            pending.count -= removed;
        }
        return tones;
    }
}
