package audioloop.roughness;

import audioloop.dsp.LaneFft;
import audioloop.dsp.StockhamTwiddles;
import java.util.Arrays;

/**
 * DFT bins FIRST_ENVELOPE_BIN … maxEnvelopeEnd − 1 of one frame's envelope (notes/performance.md: only the ≤ 98
 * bins the H weightings can reach are ever formed), for frames whose length n = blocks·L has a power-of-two
 * factor L ≥ 64 ({@link RoughnessModel#envelopeBlockLength}; 9600 = 75·128 at 48 kHz).
 *
 * <p>Decimation in time: X_k = Σ_r W_n^{kr}·G_r[k mod L], G_r the L-point DFT of the column x[r], x[r + blocks],
 * …. The L-point real DFTs of all columns are done together, as one L/2-point complex Stockham FFT whose every
 * element is a vector over the columns: element p of column r is x[2p·blocks + r] + i·x[(2p+1)·blocks + r], so a
 * row of the frame is a contiguous vector and every butterfly runs over the columns innermost: no gather copy,
 * no bit reversal, no per-block call. Measured (one thread, best of 40 × 200 calls, 9600 points): 31 µs per
 * channel against 39 µs for 75 JTransforms 128-point transforms with the same twiddle sum. JDK 17's C2 does not
 * vectorise these loops (same time with -XX:-UseSuperWord): its SuperWord pass gives up on streams at different
 * offsets of one array.
 *
 * <p>{@link #lowBins(double[][], double[][], double[][])} does the same for all channels at once, as lane vectors
 * ({@link LaneFft}): the columns one after another, each an L/2-point lane transform, every step a loop over the
 * channels, which C2 does vectorise. Per channel it performs the same operations in the same order, so both forms
 * give identical bits.
 *
 * <p>Not thread-safe: one per frame analyser.
 */
final class PrunedEnvelopeDft {
    private final int blocks;
    private final int halfBlock;
    /** Radix (4 or 2) of each stage, and its twiddles e^{−2πi·j·q/L_s} at [q·(p−1) + j − 1]. */
    private final int[] radices;
    private final double[][] stageTwiddleRe;
    private final double[][] stageTwiddleIm;
    /**
     * Per output bin: the rows of Z_a and Z_b (b = L/2 − a) that the real-split formula combines, cos and sin
     * of 2π·a/L, and −1 where the bin lies in the upper half of the block spectrum (G[k] = conj G[L − k]).
     */
    private final int[] rowA;
    private final int[] rowB;
    private final double[] splitCos;
    private final double[] splitSin;
    private final double[] conjugateSign;
    /** W_n^{kr} = e^{−2πi·k·r/n} at [(k − FIRST_ENVELOPE_BIN)·blocks + r]: contiguous over the columns. */
    private final double[] twiddleRe;
    private final double[] twiddleIm;
    private final double[] re0;
    private final double[] im0;
    private final double[] re1;
    private final double[] im1;
    /** The lane form's column transform and the current column's z_p (pointers into the frame); null without lanes. */
    private final LaneFft laneBlockFft;
    private final double[][] columnRe;
    private final double[][] columnIm;

    /** @param lanes the channel count for the lane form, or 0 for the one-channel form only */
    PrunedEnvelopeDft(RoughnessModel model, int lanes) {
        int n = model.frameLength;
        int length = model.envelopeBlockLength;
        blocks = model.envelopeBlocks;
        halfBlock = length / 2;
        if (blocks * length != n || Integer.bitCount(length) != 1 || length < 4) {
            throw new IllegalArgumentException("envelope blocks need a power-of-two length, got " + length);
        }
        int stages = Integer.numberOfTrailingZeros(halfBlock);
        radices = new int[(stages + 1) / 2];
        for (int s = 0; s < radices.length; s++) {
            radices[s] = s < stages / 2 ? 4 : 2;
        }
        StockhamTwiddles twiddles = new StockhamTwiddles(radices, halfBlock, -1);
        stageTwiddleRe = twiddles.re;
        stageTwiddleIm = twiddles.im;

        int bins = model.maxEnvelopeEnd - RoughnessModel.FIRST_ENVELOPE_BIN;
        rowA = new int[bins];
        rowB = new int[bins];
        splitCos = new double[bins];
        splitSin = new double[bins];
        conjugateSign = new double[bins];
        twiddleRe = new double[bins * blocks];
        twiddleIm = new double[bins * blocks];
        for (int i = 0; i < bins; i++) {
            int k = i + RoughnessModel.FIRST_ENVELOPE_BIN;
            int inBlock = k % length;
            int a = inBlock <= halfBlock ? inBlock : length - inBlock;
            rowA[i] = a % halfBlock;
            rowB[i] = (halfBlock - a) % halfBlock;
            splitCos[i] = Math.cos(2 * Math.PI * a / length);
            splitSin[i] = Math.sin(2 * Math.PI * a / length);
            conjugateSign[i] = inBlock == a ? 1.0 : -1.0;
            for (int r = 0; r < blocks; r++) {
                double phase = 2.0 * Math.PI * ((long) k * r % n) / n;
                twiddleRe[i * blocks + r] = Math.cos(phase);
                twiddleIm[i * blocks + r] = -Math.sin(phase);
            }
        }
        boolean oneChannel = lanes == 0;
        re0 = oneChannel ? new double[halfBlock * blocks] : null;
        im0 = oneChannel ? new double[halfBlock * blocks] : null;
        re1 = oneChannel ? new double[halfBlock * blocks] : null;
        im1 = oneChannel ? new double[halfBlock * blocks] : null;
        laneBlockFft = oneChannel ? null : new LaneFft(halfBlock, lanes, -1);
        columnRe = oneChannel ? null : new double[halfBlock][];
        columnIm = oneChannel ? null : new double[halfBlock][];
    }

    /** X_k of the frame x (length n, unchanged) for k = FIRST_ENVELOPE_BIN + i into re[i], im[i]. */
    void lowBins(double[] x, double[] re, double[] im) {
        boolean inFirst = blockTransforms(x);
        double[] zRe = inFirst ? re0 : re1;
        double[] zIm = inFirst ? im0 : im1;
        int columns = blocks;
        for (int i = 0; i < re.length; i++) {
            // Real split of the packed transform Z (Z_a = Σ_p z_p·W^{ap}, z_p = x_{2p} + i·x_{2p+1}):
            // 2·G[a] = S + (−i)·W_L^a·D with S = Z_a + conj Z_{L/2−a}, D = Z_a − conj Z_{L/2−a}.
            int a = rowA[i] * columns;
            int b = rowB[i] * columns;
            double c = splitCos[i];
            double s = splitSin[i];
            double sign = conjugateSign[i];
            int w = i * columns;
            double sumRe = 0.0;
            double sumIm = 0.0;
            for (int r = 0; r < columns; r++) {
                double sRe = zRe[a + r] + zRe[b + r];
                double sIm = zIm[a + r] - zIm[b + r];
                double dRe = zRe[a + r] - zRe[b + r];
                double dIm = zIm[a + r] + zIm[b + r];
                double gRe = sRe + c * dIm - s * dRe;
                double gIm = sign * (sIm - c * dRe - s * dIm);
                sumRe += twiddleRe[w + r] * gRe - twiddleIm[w + r] * gIm;
                sumIm += twiddleRe[w + r] * gIm + twiddleIm[w + r] * gRe;
            }
            re[i] = 0.5 * sumRe;
            im[i] = 0.5 * sumIm;
        }
    }

    /**
     * {@link #lowBins(double[], double[], double[])} for every lane of x (n lane vectors, left unchanged): bins into
     * re[i][lane], im[i][lane].
     */
    void lowBins(double[][] x, double[][] re, double[][] im) {
        for (int i = 0; i < re.length; i++) {
            Arrays.fill(re[i], 0.0);
            Arrays.fill(im[i], 0.0);
        }
        for (int r = 0; r < blocks; r++) {
            for (int p = 0; p < halfBlock; p++) {
                columnRe[p] = x[2 * p * blocks + r];
                columnIm[p] = x[(2 * p + 1) * blocks + r];
            }
            laneBlockFft.transform(columnRe, columnIm);
            double[][] zRe = laneBlockFft.resultRe();
            double[][] zIm = laneBlockFft.resultIm();
            for (int i = 0; i < re.length; i++) {
                int w = i * blocks + r;
                addColumn(zRe[rowA[i]], zIm[rowA[i]], zRe[rowB[i]], zIm[rowB[i]], splitCos[i], splitSin[i],
                    conjugateSign[i], twiddleRe[w], twiddleIm[w], re[i], im[i]);
            }
        }
        for (int i = 0; i < re.length; i++) {
            double[] sumRe = re[i];
            double[] sumIm = im[i];
            for (int l = 0; l < sumRe.length; l++) {
                sumRe[l] = 0.5 * sumRe[l];
                sumIm[l] = 0.5 * sumIm[l];
            }
        }
    }

    /** The twiddled real split of one column added into the bin's sums, over the lanes (see {@link #lowBins}). */
    private static void addColumn(double[] aRe, double[] aIm, double[] bRe, double[] bIm, double c, double s,
                                  double sign, double wRe, double wIm, double[] sumRe, double[] sumIm) {
        int lanes = sumRe.length;
        for (int l = 0; l < lanes; l++) {
            double sRe = aRe[l] + bRe[l];
            double sIm = aIm[l] - bIm[l];
            double dRe = aRe[l] - bRe[l];
            double dIm = aIm[l] + bIm[l];
            double gRe = sRe + c * dIm - s * dRe;
            double gIm = sign * (sIm - c * dRe - s * dIm);
            sumRe[l] += wRe * gRe - wIm * gIm;
            sumIm[l] += wRe * gIm + wIm * gRe;
        }
    }

    /**
     * The L/2-point forward FFT of every column (Stockham autosort, radix 4 then one radix 2 if needed), the first
     * stage reading the frame in place; returns whether the result is in re0/im0.
     */
    private boolean blockTransforms(double[] x) {
        double[] inRe = x;
        double[] inIm = x;
        int imOffset = blocks;
        int elementStride = 2 * blocks;
        double[] outRe = re0;
        double[] outIm = im0;
        int stride = 1;
        int length = halfBlock;
        for (int st = 0; st < radices.length; st++) {
            int m = length / radices[st];
            if (radices[st] == 4) {
                radix4(inRe, inIm, imOffset, elementStride, outRe, outIm, stride, m, st);
            } else {
                radix2(inRe, inIm, imOffset, elementStride, outRe, outIm, stride, m, st);
            }
            inRe = outRe;
            inIm = outIm;
            imOffset = 0;
            elementStride = blocks;
            outRe = outRe == re0 ? re1 : re0;
            outIm = outIm == im0 ? im1 : im0;
            stride *= radices[st];
            length = m;
        }
        return inRe == re0;
    }

    /**
     * One radix-4 stage on sub-transforms of length 4m, stride s: element e of the input is the vector at
     * xRe[e·xStride …], xIm[xImOffset + e·xStride …];
     * y_{i + s(4q + j)} = W^{jq}·Σ_t x_{i + s(q + mt)}·(−i)^{jt}.
     */
    private void radix4(double[] xRe, double[] xIm, int xImOffset, int xStride, double[] yRe, double[] yIm,
                        int s, int m, int stage) {
        double[] wRe = stageTwiddleRe[stage];
        double[] wIm = stageTwiddleIm[stage];
        int columns = blocks;
        for (int q = 0; q < m; q++) {
            double w1Re = wRe[3 * q];
            double w1Im = wIm[3 * q];
            double w2Re = wRe[3 * q + 1];
            double w2Im = wIm[3 * q + 1];
            double w3Re = wRe[3 * q + 2];
            double w3Im = wIm[3 * q + 2];
            for (int i = 0; i < s; i++) {
                int x0 = (i + s * q) * xStride;
                int x1 = x0 + s * m * xStride;
                int x2 = x1 + s * m * xStride;
                int x3 = x2 + s * m * xStride;
                int y0 = (i + s * 4 * q) * columns;
                int y1 = y0 + s * columns;
                int y2 = y1 + s * columns;
                int y3 = y2 + s * columns;
                for (int r = 0; r < columns; r++) {
                    double a0Re = xRe[x0 + r];
                    double a0Im = xIm[xImOffset + x0 + r];
                    double a1Re = xRe[x1 + r];
                    double a1Im = xIm[xImOffset + x1 + r];
                    double a2Re = xRe[x2 + r];
                    double a2Im = xIm[xImOffset + x2 + r];
                    double a3Re = xRe[x3 + r];
                    double a3Im = xIm[xImOffset + x3 + r];
                    double sRe = a0Re + a2Re;
                    double sIm = a0Im + a2Im;
                    double dRe = a0Re - a2Re;
                    double dIm = a0Im - a2Im;
                    double tRe = a1Re + a3Re;
                    double tIm = a1Im + a3Im;
                    double eRe = a1Re - a3Re;
                    double eIm = a1Im - a3Im;
                    // ω = −i: y1 = d − i·e, y3 = d + i·e.
                    double y1Re = dRe + eIm;
                    double y1Im = dIm - eRe;
                    double y2Re = sRe - tRe;
                    double y2Im = sIm - tIm;
                    double y3Re = dRe - eIm;
                    double y3Im = dIm + eRe;
                    yRe[y0 + r] = sRe + tRe;
                    yIm[y0 + r] = sIm + tIm;
                    yRe[y1 + r] = w1Re * y1Re - w1Im * y1Im;
                    yIm[y1 + r] = w1Re * y1Im + w1Im * y1Re;
                    yRe[y2 + r] = w2Re * y2Re - w2Im * y2Im;
                    yIm[y2 + r] = w2Re * y2Im + w2Im * y2Re;
                    yRe[y3 + r] = w3Re * y3Re - w3Im * y3Im;
                    yIm[y3 + r] = w3Re * y3Im + w3Im * y3Re;
                }
            }
        }
    }

    /** One radix-2 stage, layout as {@link #radix4}. */
    private void radix2(double[] xRe, double[] xIm, int xImOffset, int xStride, double[] yRe, double[] yIm,
                        int s, int m, int stage) {
        double[] wRe = stageTwiddleRe[stage];
        double[] wIm = stageTwiddleIm[stage];
        int columns = blocks;
        for (int q = 0; q < m; q++) {
            double w1Re = wRe[q];
            double w1Im = wIm[q];
            for (int i = 0; i < s; i++) {
                int x0 = (i + s * q) * xStride;
                int x1 = x0 + s * m * xStride;
                int y0 = (i + s * 2 * q) * columns;
                int y1 = y0 + s * columns;
                for (int r = 0; r < columns; r++) {
                    double a0Re = xRe[x0 + r];
                    double a0Im = xIm[xImOffset + x0 + r];
                    double a1Re = xRe[x1 + r];
                    double a1Im = xIm[xImOffset + x1 + r];
                    yRe[y0 + r] = a0Re + a1Re;
                    yIm[y0 + r] = a0Im + a1Im;
                    double dRe = a0Re - a1Re;
                    double dIm = a0Im - a1Im;
                    yRe[y1 + r] = w1Re * dRe - w1Im * dIm;
                    yIm[y1 + r] = w1Re * dIm + w1Im * dRe;
                }
            }
        }
    }
}
