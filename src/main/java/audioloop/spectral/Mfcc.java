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
        double[][] mfcc = new double[melDb.length][nMfcc];
        for (int t = 0; t < melDb.length; t++) {
            double[] d = melDb[t];
            for (int j = 0; j < nMfcc; j++) {
                double[] b = basis[j];
                double sum = 0.0;
                for (int m = 0; m < b.length; m++) {
                    sum += b[m] * d[m];
                }
                mfcc[t][j] = sum;
            }
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
