package audioloop.dsp;

import org.apache.commons.math3.util.FastMath;

/**
 * The forward complex DFT X_k = Σ_t x_t·e^{−2πikt/n} of n = 2^a·3^b·5^c points (n not a power of two), in place,
 * by the mixed-radix passes of Swarztrauber's FFTPACK (cfftf1 with passes of radix 4, 2, 3 and 5), in the factor
 * order, twiddle table and operation order of JTransforms 3.1's {@code DoubleFFT_1D} for such n: the results are
 * JTransforms' to the bit. What differs is memory traffic: JTransforms allocates a fresh 2n-double work array on
 * every call, which for the four-step DFT of a minute of audio is 2 400 calls and 46 MB of newly zeroed memory
 * (measured: the DFT 30.9 → 27.5 ms of CPU with the work array kept). The bits matter because the tonality's
 * pure-tone ratios read the spectrum's rounding noise (a different split of the same DFT moved a TNR of
 * iso532-1_b3_03 by 8.5e-4 dB), so the whole-file spectrum keeps JTransforms' arithmetic. Lengths with factors
 * of 7 can also be done, by a radix-7 pass of this class's own (JTransforms uses FFTPACK's generic odd-radix pass
 * there, so those results are not its bits): for the third-octave band powers, whose sums read no rounding noise.
 *
 * <p>Layout as FFTPACK's: a pass of radix p with l1 transforms done and ido = n/(l1·p) reads element i of input j
 * of sub-transform k at (i + ido·(j + p·k)) and writes output j at (i + ido·(k + l1·j)), complex interleaved;
 * stages alternate between the caller's array and the work array. As in FFTPACK, each pass's last-stage case
 * (ido = 1: no twiddles) is a loop of its own: folded into the general loop (a one-iteration inner loop per
 * sub-transform and a branch) the 1200-point transform took 9.0 instead of 7.8 ns per point. The other stages run
 * the longer of their two loops (sub-transforms k, elements i) inside: 7.8 → 7.4 ns per point. The order of the
 * butterflies does not change their arithmetic. Not thread-safe (one work array).
 */
final class MixedRadixFft {
    /** FFTPACK's trial factors, in its order (a 2 found after other factors is moved first). */
    private static final int[] TRIAL_FACTORS = {4, 2, 3, 5};
    // The butterfly constants as JTransforms 3.1 has them (its literals, as doubles): cos and sin of 120°, 72°, 144°.
    private static final double TAU_RE = -0.5;
    private static final double TAU_IM = 0.8660254037844387;
    private static final double COS72 = 0.30901699437494745;
    private static final double SIN72 = 0.9510565162951535;
    private static final double COS144 = -0.8090169943749473;
    private static final double SIN144 = 0.5877852522924732;

    private final int n;
    private final int[] radices;
    /**
     * Per stage, per output j = 1 … p − 1, ido twiddles e^{−2πi·j·l1·f/n} (f = 0 … ido − 1) as (cos, sin) pairs,
     * computed as FFTPACK's cffti1 does (FastMath, JTransforms 3.1's choice), the sine's sign applied when read.
     */
    private final double[] twiddles;
    private final double[] work;

    /** Whether n is transformed here: n ≥ 2, no prime factor above 5, not a power of two (JTransforms' split radix). */
    static boolean supports(int n) {
        return supports(n, false);
    }

    /** {@link #supports(int)}, and with {@code radixSeven} also factors of 7 (by {@link #pass7}, not JTransforms' bits). */
    static boolean supports(int n, boolean radixSeven) {
        if (n < 2 || Integer.bitCount(n) == 1) {
            return false;
        }
        for (int p : TRIAL_FACTORS) {
            while (n % p == 0) {
                n /= p;
            }
        }
        while (radixSeven && n % 7 == 0) {
            n /= 7;
        }
        return n == 1;
    }

    MixedRadixFft(int n) {
        this(n, false);
    }

    /**
     * @param radixSeven whether factors of 7 are transformed too, by this class's own radix-7 pass: JTransforms does
     *                   them with FFTPACK's generic odd-radix pass, so those lengths' results are not its bits
     */
    MixedRadixFft(int n, boolean radixSeven) {
        if (!supports(n, radixSeven)) {
            throw new IllegalArgumentException("mixed-radix FFT of " + n + " points");
        }
        this.n = n;
        radices = factor(n, radixSeven);
        twiddles = new double[2 * n];
        work = new double[2 * n];
        double step = 2 * Math.PI / n;
        int at = 0;
        int l1 = 1;
        for (int p : radices) {
            int ido = n / (l1 * p);
            int ld = 0;
            for (int j = 1; j < p; j++) {
                ld += l1;
                double argld = ld * step;
                twiddles[at] = 1;
                twiddles[at + 1] = 0;
                double fi = 0;
                for (int f = 1; f < ido; f++) {
                    fi += 1;
                    twiddles[at + 2 * f] = FastMath.cos(fi * argld);
                    twiddles[at + 2 * f + 1] = FastMath.sin(fi * argld);
                }
                at += 2 * ido;
            }
            l1 *= p;
        }
    }

    private static int[] factor(int n, boolean radixSeven) {
        int[] found = new int[32];
        int count = 0;
        for (int p : TRIAL_FACTORS) {
            while (n % p == 0) {
                n /= p;
                if (p == 2 && count > 0) {
                    System.arraycopy(found, 0, found, 1, count);
                    found[0] = 2;
                } else {
                    found[count] = p;
                }
                count++;
            }
        }
        while (radixSeven && n % 7 == 0) {
            n /= 7;
            found[count++] = 7;
        }
        return java.util.Arrays.copyOf(found, count);
    }

    /**
     * CPU time per point of a transform of n points ({@link #supports}), estimated from its passes: a pass of radix
     * 2, 3, 4, 5, 7 costs 1.4, 1.7, 1.6, 2.3, 2.5 ns per point, less 1.6 ns per transform. Least-squares fit to 440
     * lengths 400 … 4 200 timed on the 2-core EPYC the benchmarks run on (rms error 0.35 ns per point; one pass of
     * radix 5 costs 40 % more per point than one of radix 4, which does two factors of 2).
     */
    static double nanosPerPoint(int n, boolean radixSeven) {
        double nanos = -1.6;
        for (int p : factor(n, radixSeven)) {
            nanos += switch (p) {
                case 2 -> 1.4;
                case 3 -> 1.7;
                case 4 -> 1.6;
                case 5 -> 2.3;
                default -> 2.5;
            };
        }
        return nanos;
    }

    /** Transforms the n complex points a[offset …] (interleaved re, im) in place. */
    void forward(double[] a, int offset) {
        boolean inWork = false;
        int l1 = 1;
        int tw = 0;
        for (int p : radices) {
            int idot = 2 * (n / (l1 * p));
            double[] in = inWork ? work : a;
            int inAt = inWork ? 0 : offset;
            double[] out = inWork ? a : work;
            int outAt = inWork ? offset : 0;
            switch (p) {
                case 4 -> pass4(idot, l1, in, inAt, out, outAt, tw);
                case 2 -> pass2(idot, l1, in, inAt, out, outAt, tw);
                case 3 -> pass3(idot, l1, in, inAt, out, outAt, tw);
                case 5 -> pass5(idot, l1, in, inAt, out, outAt, tw);
                default -> pass7(idot, l1, in, inAt, out, outAt, tw);
            }
            inWork = !inWork;
            l1 *= p;
            tw += (p - 1) * idot;
        }
        if (inWork) {
            System.arraycopy(work, 0, a, offset, 2 * n);
        }
    }

    private void pass2(int idot, int l1, double[] in, int inAt, double[] out, int outAt, int tw) {
        int outputStride = idot * l1;
        if (idot == 2) {
            for (int k = 0; k < l1; k++) {
                int x0 = inAt + 2 * k * idot;
                int x1 = x0 + idot;
                double a0r = in[x0];
                double a0i = in[x0 + 1];
                double a1r = in[x1];
                double a1i = in[x1 + 1];
                int y0 = outAt + k * idot;
                int y1 = y0 + outputStride;
                out[y0] = a0r + a1r;
                out[y0 + 1] = a0i + a1i;
                out[y1] = a0r - a1r;
                out[y1 + 1] = a0i - a1i;
            }
            return;
        }
        boolean kInner = idot / 2 < l1;
        int outerCount = kInner ? idot / 2 : l1;
        int innerCount = kInner ? l1 : idot / 2;
        for (int a = 0; a < outerCount; a++) {
            for (int b = 0; b < innerCount; b++) {
                int k = kInner ? b : a;
                int i = 2 * (kInner ? a : b);
                int x0 = inAt + i + 2 * k * idot;
                int x1 = x0 + idot;
                double a0r = in[x0];
                double a0i = in[x0 + 1];
                double a1r = in[x1];
                double a1i = in[x1 + 1];
                int y0 = outAt + i + k * idot;
                int y1 = y0 + outputStride;
                out[y0] = a0r + a1r;
                out[y0 + 1] = a0i + a1i;
                double tr = a0r - a1r;
                double ti = a0i - a1i;
                double wr = twiddles[tw + i];
                double wi = -twiddles[tw + i + 1];
                out[y1] = wr * tr - wi * ti;
                out[y1 + 1] = wr * ti + wi * tr;
            }
        }
    }

    private void pass3(int idot, int l1, double[] in, int inAt, double[] out, int outAt, int tw) {
        int outputStride = idot * l1;
        int tw2 = tw + idot;
        if (idot == 2) {
            for (int k = 0; k < l1; k++) {
                int x0 = inAt + 3 * k * idot;
                double a0r = in[x0];
                double a0i = in[x0 + 1];
                double a1r = in[x0 + idot];
                double a1i = in[x0 + idot + 1];
                double a2r = in[x0 + 2 * idot];
                double a2i = in[x0 + 2 * idot + 1];
                double sr = a1r + a2r;
                double cr2 = a0r + TAU_RE * sr;
                double si = a1i + a2i;
                double ci2 = a0i + TAU_RE * si;
                double cr3 = -TAU_IM * (a1r - a2r);
                double ci3 = -TAU_IM * (a1i - a2i);
                int y0 = outAt + k * idot;
                int y1 = y0 + outputStride;
                int y2 = y1 + outputStride;
                out[y0] = a0r + sr;
                out[y0 + 1] = a0i + si;
                double dr2 = cr2 - ci3;
                double di2 = ci2 + cr3;
                double dr3 = cr2 + ci3;
                double di3 = ci2 - cr3;
                out[y1] = dr2;
                out[y1 + 1] = di2;
                out[y2] = dr3;
                out[y2 + 1] = di3;
            }
            return;
        }
        boolean kInner = idot / 2 < l1;
        int outerCount = kInner ? idot / 2 : l1;
        int innerCount = kInner ? l1 : idot / 2;
        for (int a = 0; a < outerCount; a++) {
            for (int b = 0; b < innerCount; b++) {
                int k = kInner ? b : a;
                int i = 2 * (kInner ? a : b);
                int x0 = inAt + i + 3 * k * idot;
                double a0r = in[x0];
                double a0i = in[x0 + 1];
                double a1r = in[x0 + idot];
                double a1i = in[x0 + idot + 1];
                double a2r = in[x0 + 2 * idot];
                double a2i = in[x0 + 2 * idot + 1];
                double sr = a1r + a2r;
                double cr2 = a0r + TAU_RE * sr;
                double si = a1i + a2i;
                double ci2 = a0i + TAU_RE * si;
                double cr3 = -TAU_IM * (a1r - a2r);
                double ci3 = -TAU_IM * (a1i - a2i);
                int y0 = outAt + i + k * idot;
                int y1 = y0 + outputStride;
                int y2 = y1 + outputStride;
                out[y0] = a0r + sr;
                out[y0 + 1] = a0i + si;
                double dr2 = cr2 - ci3;
                double di2 = ci2 + cr3;
                double dr3 = cr2 + ci3;
                double di3 = ci2 - cr3;
                twiddled(out, y1, dr2, di2, twiddles[tw + i], -twiddles[tw + i + 1]);
                twiddled(out, y2, dr3, di3, twiddles[tw2 + i], -twiddles[tw2 + i + 1]);
            }
        }
    }

    private void pass4(int idot, int l1, double[] in, int inAt, double[] out, int outAt, int tw) {
        int outputStride = idot * l1;
        int tw2 = tw + idot;
        int tw3 = tw2 + idot;
        if (idot == 2) {
            for (int k = 0; k < l1; k++) {
                int x0 = inAt + 4 * k * idot;
                double a0r = in[x0];
                double a0i = in[x0 + 1];
                double a1r = in[x0 + idot];
                double a1i = in[x0 + idot + 1];
                double a2r = in[x0 + 2 * idot];
                double a2i = in[x0 + 2 * idot + 1];
                double a3r = in[x0 + 3 * idot];
                double a3i = in[x0 + 3 * idot + 1];
                double ti1 = a0i - a2i;
                double ti2 = a0i + a2i;
                double ti3 = a1i + a3i;
                double tr4 = a3i - a1i;
                double tr1 = a0r - a2r;
                double tr2 = a0r + a2r;
                double ti4 = a1r - a3r;
                double tr3 = a1r + a3r;
                int y0 = outAt + k * idot;
                int y1 = y0 + outputStride;
                int y2 = y1 + outputStride;
                int y3 = y2 + outputStride;
                out[y0] = tr2 + tr3;
                out[y0 + 1] = ti2 + ti3;
                // FFTPACK's tr1 + isign·tr4 with isign = −1 (negation is exact: the same bits as its product)
                double cr2 = tr1 - tr4;
                double ci2 = ti1 - ti4;
                double cr3 = tr2 - tr3;
                double ci3 = ti2 - ti3;
                double cr4 = tr1 + tr4;
                double ci4 = ti1 + ti4;
                out[y1] = cr2;
                out[y1 + 1] = ci2;
                out[y2] = cr3;
                out[y2 + 1] = ci3;
                out[y3] = cr4;
                out[y3 + 1] = ci4;
            }
            return;
        }
        boolean kInner = idot / 2 < l1;
        int outerCount = kInner ? idot / 2 : l1;
        int innerCount = kInner ? l1 : idot / 2;
        for (int a = 0; a < outerCount; a++) {
            for (int b = 0; b < innerCount; b++) {
                int k = kInner ? b : a;
                int i = 2 * (kInner ? a : b);
                int x0 = inAt + i + 4 * k * idot;
                double a0r = in[x0];
                double a0i = in[x0 + 1];
                double a1r = in[x0 + idot];
                double a1i = in[x0 + idot + 1];
                double a2r = in[x0 + 2 * idot];
                double a2i = in[x0 + 2 * idot + 1];
                double a3r = in[x0 + 3 * idot];
                double a3i = in[x0 + 3 * idot + 1];
                double ti1 = a0i - a2i;
                double ti2 = a0i + a2i;
                double ti3 = a1i + a3i;
                double tr4 = a3i - a1i;
                double tr1 = a0r - a2r;
                double tr2 = a0r + a2r;
                double ti4 = a1r - a3r;
                double tr3 = a1r + a3r;
                int y0 = outAt + i + k * idot;
                int y1 = y0 + outputStride;
                int y2 = y1 + outputStride;
                int y3 = y2 + outputStride;
                out[y0] = tr2 + tr3;
                out[y0 + 1] = ti2 + ti3;
                // FFTPACK's tr1 + isign·tr4 with isign = −1 (negation is exact: the same bits as its product)
                double cr2 = tr1 - tr4;
                double ci2 = ti1 - ti4;
                double cr3 = tr2 - tr3;
                double ci3 = ti2 - ti3;
                double cr4 = tr1 + tr4;
                double ci4 = ti1 + ti4;
                twiddled(out, y1, cr2, ci2, twiddles[tw + i], -twiddles[tw + i + 1]);
                twiddled(out, y2, cr3, ci3, twiddles[tw2 + i], -twiddles[tw2 + i + 1]);
                twiddled(out, y3, cr4, ci4, twiddles[tw3 + i], -twiddles[tw3 + i + 1]);
            }
        }
    }

    private void pass5(int idot, int l1, double[] in, int inAt, double[] out, int outAt, int tw) {
        int outputStride = idot * l1;
        int tw2 = tw + idot;
        int tw3 = tw2 + idot;
        int tw4 = tw3 + idot;
        if (idot == 2) {
            for (int k = 0; k < l1; k++) {
                int x0 = inAt + 5 * k * idot;
                double a0r = in[x0];
                double a0i = in[x0 + 1];
                double a1r = in[x0 + idot];
                double a1i = in[x0 + idot + 1];
                double a2r = in[x0 + 2 * idot];
                double a2i = in[x0 + 2 * idot + 1];
                double a3r = in[x0 + 3 * idot];
                double a3i = in[x0 + 3 * idot + 1];
                double a4r = in[x0 + 4 * idot];
                double a4i = in[x0 + 4 * idot + 1];
                double ti5 = a1i - a4i;
                double ti2 = a1i + a4i;
                double ti4 = a2i - a3i;
                double ti3 = a2i + a3i;
                double tr5 = a1r - a4r;
                double tr2 = a1r + a4r;
                double tr4 = a2r - a3r;
                double tr3 = a2r + a3r;
                double cr2 = a0r + COS72 * tr2 + COS144 * tr3;
                double ci2 = a0i + COS72 * ti2 + COS144 * ti3;
                double cr3 = a0r + COS144 * tr2 + COS72 * tr3;
                double ci3 = a0i + COS144 * ti2 + COS72 * ti3;
                double cr5 = -(SIN72 * tr5 + SIN144 * tr4);
                double ci5 = -(SIN72 * ti5 + SIN144 * ti4);
                double cr4 = -(SIN144 * tr5 - SIN72 * tr4);
                double ci4 = -(SIN144 * ti5 - SIN72 * ti4);
                int y0 = outAt + k * idot;
                int y1 = y0 + outputStride;
                int y2 = y1 + outputStride;
                int y3 = y2 + outputStride;
                int y4 = y3 + outputStride;
                out[y0] = a0r + tr2 + tr3;
                out[y0 + 1] = a0i + ti2 + ti3;
                double dr2 = cr2 - ci5;
                double di2 = ci2 + cr5;
                double dr3 = cr3 - ci4;
                double di3 = ci3 + cr4;
                double dr4 = cr3 + ci4;
                double di4 = ci3 - cr4;
                double dr5 = cr2 + ci5;
                double di5 = ci2 - cr5;
                out[y1] = dr2;
                out[y1 + 1] = di2;
                out[y2] = dr3;
                out[y2 + 1] = di3;
                out[y3] = dr4;
                out[y3 + 1] = di4;
                out[y4] = dr5;
                out[y4 + 1] = di5;
            }
            return;
        }
        boolean kInner = idot / 2 < l1;
        int outerCount = kInner ? idot / 2 : l1;
        int innerCount = kInner ? l1 : idot / 2;
        for (int a = 0; a < outerCount; a++) {
            for (int b = 0; b < innerCount; b++) {
                int k = kInner ? b : a;
                int i = 2 * (kInner ? a : b);
                int x0 = inAt + i + 5 * k * idot;
                double a0r = in[x0];
                double a0i = in[x0 + 1];
                double a1r = in[x0 + idot];
                double a1i = in[x0 + idot + 1];
                double a2r = in[x0 + 2 * idot];
                double a2i = in[x0 + 2 * idot + 1];
                double a3r = in[x0 + 3 * idot];
                double a3i = in[x0 + 3 * idot + 1];
                double a4r = in[x0 + 4 * idot];
                double a4i = in[x0 + 4 * idot + 1];
                double ti5 = a1i - a4i;
                double ti2 = a1i + a4i;
                double ti4 = a2i - a3i;
                double ti3 = a2i + a3i;
                double tr5 = a1r - a4r;
                double tr2 = a1r + a4r;
                double tr4 = a2r - a3r;
                double tr3 = a2r + a3r;
                double cr2 = a0r + COS72 * tr2 + COS144 * tr3;
                double ci2 = a0i + COS72 * ti2 + COS144 * ti3;
                double cr3 = a0r + COS144 * tr2 + COS72 * tr3;
                double ci3 = a0i + COS144 * ti2 + COS72 * ti3;
                double cr5 = -(SIN72 * tr5 + SIN144 * tr4);
                double ci5 = -(SIN72 * ti5 + SIN144 * ti4);
                double cr4 = -(SIN144 * tr5 - SIN72 * tr4);
                double ci4 = -(SIN144 * ti5 - SIN72 * ti4);
                int y0 = outAt + i + k * idot;
                int y1 = y0 + outputStride;
                int y2 = y1 + outputStride;
                int y3 = y2 + outputStride;
                int y4 = y3 + outputStride;
                out[y0] = a0r + tr2 + tr3;
                out[y0 + 1] = a0i + ti2 + ti3;
                double dr2 = cr2 - ci5;
                double di2 = ci2 + cr5;
                double dr3 = cr3 - ci4;
                double di3 = ci3 + cr4;
                double dr4 = cr3 + ci4;
                double di4 = ci3 - cr4;
                double dr5 = cr2 + ci5;
                double di5 = ci2 - cr5;
                twiddled(out, y1, dr2, di2, twiddles[tw + i], -twiddles[tw + i + 1]);
                twiddled(out, y2, dr3, di3, twiddles[tw2 + i], -twiddles[tw2 + i + 1]);
                twiddled(out, y3, dr4, di4, twiddles[tw3 + i], -twiddles[tw3 + i + 1]);
                twiddled(out, y4, dr5, di5, twiddles[tw4 + i], -twiddles[tw4 + i + 1]);
            }
        }
    }

    /** cos and sin of 2πj/7, j = 1, 2, 3. */
    private static final double C1 = Math.cos(2 * Math.PI / 7);
    private static final double C2 = Math.cos(4 * Math.PI / 7);
    private static final double C3 = Math.cos(6 * Math.PI / 7);
    private static final double S1 = Math.sin(2 * Math.PI / 7);
    private static final double S2 = Math.sin(4 * Math.PI / 7);
    private static final double S3 = Math.sin(6 * Math.PI / 7);

    /**
     * A radix-7 stage in the same layout as the others: the 7-point DFT of inputs a0 … a6 from the sums t_j = a_j +
     * a_{7−j} and differences u_j = a_j − a_{7−j}: y_0 = a0 + t1 + t2 + t3, and for k = 1, 2, 3 with
     * c_k = a0 + Σ_j cos(2πjk/7)·t_j and s_k = Σ_j sin(2πjk/7)·u_j, y_k = c_k − i·s_k and y_{7−k} = c_k + i·s_k;
     * outputs 1 … 6 then times their twiddles (none in the last stage, idot = 2).
     */
    private void pass7(int idot, int l1, double[] in, int inAt, double[] out, int outAt, int tw) {
        int outputStride = idot * l1;
        for (int k = 0; k < l1; k++) {
            for (int i = 0; i < idot; i += 2) {
                int x0 = inAt + i + 7 * k * idot;
                double a0r = in[x0];
                double a0i = in[x0 + 1];
                double t1r = in[x0 + idot] + in[x0 + 6 * idot];
                double t1i = in[x0 + idot + 1] + in[x0 + 6 * idot + 1];
                double u1r = in[x0 + idot] - in[x0 + 6 * idot];
                double u1i = in[x0 + idot + 1] - in[x0 + 6 * idot + 1];
                double t2r = in[x0 + 2 * idot] + in[x0 + 5 * idot];
                double t2i = in[x0 + 2 * idot + 1] + in[x0 + 5 * idot + 1];
                double u2r = in[x0 + 2 * idot] - in[x0 + 5 * idot];
                double u2i = in[x0 + 2 * idot + 1] - in[x0 + 5 * idot + 1];
                double t3r = in[x0 + 3 * idot] + in[x0 + 4 * idot];
                double t3i = in[x0 + 3 * idot + 1] + in[x0 + 4 * idot + 1];
                double u3r = in[x0 + 3 * idot] - in[x0 + 4 * idot];
                double u3i = in[x0 + 3 * idot + 1] - in[x0 + 4 * idot + 1];
                int y0 = outAt + i + k * idot;
                out[y0] = a0r + t1r + t2r + t3r;
                out[y0 + 1] = a0i + t1i + t2i + t3i;
                for (int m = 1; m <= 3; m++) {
                    // cos/sin of 2π·j·m/7 for j = 1, 2, 3: the angles j·m mod 7 fold onto 1, 2, 3 with signs
                    double ca = m == 1 ? C1 : m == 2 ? C2 : C3;
                    double cb = m == 1 ? C2 : m == 2 ? C3 : C1;
                    double cc = m == 1 ? C3 : m == 2 ? C1 : C2;
                    double sa = m == 1 ? S1 : m == 2 ? S2 : S3;
                    double sb = m == 1 ? S2 : m == 2 ? -S3 : -S1;
                    double sc = m == 1 ? S3 : m == 2 ? -S1 : S2;
                    double cr = a0r + ca * t1r + cb * t2r + cc * t3r;
                    double ci = a0i + ca * t1i + cb * t2i + cc * t3i;
                    double sr = sa * u1r + sb * u2r + sc * u3r;
                    double si = sa * u1i + sb * u2i + sc * u3i;
                    int yk = y0 + m * outputStride;
                    int ym = y0 + (7 - m) * outputStride;
                    if (idot == 2) {
                        out[yk] = cr + si;
                        out[yk + 1] = ci - sr;
                        out[ym] = cr - si;
                        out[ym + 1] = ci + sr;
                    } else {
                        int wk = tw + (m - 1) * idot + i;
                        int wm = tw + (6 - m) * idot + i;
                        twiddled(out, yk, cr + si, ci - sr, twiddles[wk], -twiddles[wk + 1]);
                        twiddled(out, ym, cr - si, ci + sr, twiddles[wm], -twiddles[wm + 1]);
                    }
                }
            }
        }
    }

    /** out[at], out[at + 1] = w·(re + i·im), w = wr + i·wi, as FFTPACK writes the product. */
    private static void twiddled(double[] out, int at, double re, double im, double wr, double wi) {
        out[at] = wr * re - wi * im;
        out[at + 1] = wr * im + wi * re;
    }
}
