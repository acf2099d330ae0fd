package audioloop.hearingmodel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * The shared front end of ECMA-418-2:2025, fed block by block: fade-in of the first 5 ms and zero padding
 * (Section 5.1.2), outer and middle ear filter (5.1.3.2), the 53 auditory band-pass filters (5.1.4.2) and half-wave
 * rectification (5.1.6). Each band keeps the recent part of its rectified signal (as long as the longest block the
 * caller will cut from it), indexed by the position in the padded signal: position {@link #LEAD_IN} is the first
 * input sample, the positions before it are the leading zeros. Roughness (Section 7.1.2) needs the band signal
 * before rectification as well: a band keeps that too when asked to ({@link #rawHistory}). Both histories start
 * as zeros, which is what the model gives for leading zeros, so a caller may ask for more history than
 * {@link #LEAD_IN} (roughness pads with 16 384 zeros) and read the extra positions (below 0) as the longer padding.
 *
 * <p>Several consumers (tonality/loudness and roughness) share one instance, so the ear filter and the filter bank
 * run once per signal.
 *
 * <p>The bands are filtered as independent tasks of the caller's fork-join pool; each band's recursion runs in
 * sample order, so the result does not depend on the pool size or on how the input is split into calls.
 */
public final class RectifiedBands {
    /** Leading zeros of Section 5.1.2: the longest block size s_b (8192), so the first blocks end at the input's start. */
    public static final int LEAD_IN = 8192;
    /** Hann-shaped fade-in over the first 240 samples (5 ms), Section 5.1.2. */
    private static final int FADE_SAMPLES = 240;
    /** Longest stretch filtered at once: bounds the memory of one call, not the result. */
    private static final int SLAB = 8192;

    private final OuterMiddleEarFilter earFilter;
    private final AuditoryFilter[] filters = new AuditoryFilter[CriticalBands.COUNT];
    private final double[][] history = new double[CriticalBands.COUNT][];
    private final int[] keep;
    private final double[][] rawHistory = new double[CriticalBands.COUNT][];
    private final int[] keepRaw;
    private final long[] rawHistoryStart = new long[CriticalBands.COUNT];
    private final double[] earOut = new double[SLAB];
    private final double[] slab = new double[SLAB];
    /** Padded-signal position of history[band][0]; the same for all bands after each call. */
    private final long[] historyStart = new long[CriticalBands.COUNT];
    private long end = LEAD_IN;
    private long inputSamples;

    /**
     * @param diffuseField     diffuse instead of frontal free field for the ear filter
     * @param keepSamples      per band, how many of its latest samples the caller needs to see after each call
     */
    public RectifiedBands(boolean diffuseField, int[] keepSamples) {
        this(diffuseField, keepSamples, new int[CriticalBands.COUNT]);
    }

    /**
     * @param diffuseField diffuse instead of frontal free field for the ear filter
     * @param keepSamples  per band, how many of its latest rectified samples the caller needs after each call
     * @param keepRaw      per band, how many of its latest samples before rectification (0: none kept)
     */
    public RectifiedBands(boolean diffuseField, int[] keepSamples, int[] keepRaw) {
        earFilter = new OuterMiddleEarFilter(diffuseField);
        keep = keepSamples.clone();
        this.keepRaw = keepRaw.clone();
        for (int band = 0; band < CriticalBands.COUNT; band++) {
            filters[band] = new AuditoryFilter(band);
            history[band] = new double[keep[band] + SLAB];
            historyStart[band] = LEAD_IN - keep[band];
            if (this.keepRaw[band] > 0) {
                rawHistory[band] = new double[this.keepRaw[band] + SLAB];
                rawHistoryStart[band] = LEAD_IN - this.keepRaw[band];
            }
        }
    }

    /** Input samples (Pa) taken so far, padding excluded. */
    public long inputSamples() {
        return inputSamples;
    }

    /** Padded-signal position just after the last filtered sample. */
    public long end() {
        return end;
    }

    /** The rectified signal of a band: index i holds padded position {@link #start}(band) + i, up to {@link #end}. */
    public double[] history(int band) {
        return history[band];
    }

    public long start(int band) {
        return historyStart[band];
    }

    /**
     * The band signal before rectification (only for bands constructed with a raw history): index i holds padded
     * position {@link #rawStart}(band) + i, up to {@link #end}.
     */
    public double[] rawHistory(int band) {
        return rawHistory[band];
    }

    public long rawStart(int band) {
        return rawHistoryStart[band];
    }

    /**
     * Appends at most {@link #maxAppend} input samples. {@code pressurePa == null} appends zeros (the end padding
     * of Section 5.1.2), which do not count as input.
     */
    public void append(double[] pressurePa, int from, int length) {
        if (length > SLAB) {
            throw new IllegalArgumentException("at most " + SLAB + " samples per call, got " + length);
        }
        for (int i = 0; i < length; i++) {
            double x = pressurePa == null ? 0 : pressurePa[from + i];
            long index = inputSamples + i;
            if (pressurePa != null && index < FADE_SAMPLES) {
                x *= 0.5 - 0.5 * Math.cos(Math.PI * index / FADE_SAMPLES);
            }
            slab[i] = x;
        }
        earFilter.filter(slab, 0, length, earOut);
        List<ForkJoinTask<?>> tasks = new ArrayList<>(CriticalBands.COUNT);
        for (int band = 0; band < CriticalBands.COUNT; band++) {
            int b = band;
            tasks.add(ForkJoinTask.adapt(() -> appendBand(b, length)));
        }
        ForkJoinTask.invokeAll(tasks);
        end += length;
        if (pressurePa != null) {
            inputSamples += length;
        }
    }

    /** Longest accepted {@link #append}. */
    public static int maxAppend() {
        return SLAB;
    }

    private void appendBand(int band, int length) {
        double[] h = history[band];
        int filled = dropOld(h, historyStart, band, keep[band]);
        double[] raw = rawHistory[band];
        if (raw == null) {
            filters[band].filter(earOut, length, h, filled);
        } else {
            int rawFilled = dropOld(raw, rawHistoryStart, band, keepRaw[band]);
            filters[band].filter(earOut, length, raw, rawFilled);
            System.arraycopy(raw, rawFilled, h, filled, length);
        }
        for (int i = filled; i < filled + length; i++) {
            if (h[i] <= 0) {
                h[i] = 0;
            }
        }
    }

    /** Drops all but the last {@code keepSamples} of a history; returns how many samples it then holds. */
    private int dropOld(double[] h, long[] starts, int band, int keepSamples) {
        int filled = (int) (end - starts[band]);
        int drop = Math.max(0, filled - keepSamples);
        if (drop > 0) {
            System.arraycopy(h, drop, h, 0, filled - drop);
            starts[band] += drop;
            filled -= drop;
        }
        return filled;
    }
}
