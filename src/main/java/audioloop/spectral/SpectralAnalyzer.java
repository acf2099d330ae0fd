package audioloop.spectral;

import java.util.concurrent.ForkJoinTask;

/**
 * The spectral block: one STFT, then every frame-wise librosa feature from it (notes/librosa.md §1–§11).
 * The features are independent tasks run with {@link ForkJoinTask#invokeAll} inside the caller's pool; each is
 * computed sequentially, so the result does not depend on the pool size.
 */
public final class SpectralAnalyzer {
    private SpectralAnalyzer() {
    }

    /** Analyses a 48 kHz signal. */
    public static SpectralFrames analyze(double[] y48k) {
        return analyze(y48k, Stft.magnitude(y48k));
    }

    /** Analyses a 48 kHz signal whose {@link Stft#magnitude} the caller already has (to share it with others). */
    public static SpectralFrames analyze(double[] y48k, double[][] magnitude) {
        ForkJoinTask<double[]> rms = ForkJoinTask.adapt(() -> Rms.frames(y48k));
        ForkJoinTask<double[]> zcr = ForkJoinTask.adapt(() -> ZeroCrossingRate.frames(y48k));
        ForkJoinTask<double[][]> centroidAndBandwidth = ForkJoinTask.adapt(() -> {
            double[] centroid = SpectralCentroid.frames(magnitude);
            return new double[][] {centroid, SpectralBandwidth.frames(magnitude, centroid)};
        });
        ForkJoinTask<double[]> rolloff = ForkJoinTask.adapt(() -> SpectralRolloff.frames(magnitude));
        ForkJoinTask<double[]> flatness = ForkJoinTask.adapt(() -> SpectralFlatness.frames(magnitude));
        ForkJoinTask<double[][]> contrast = ForkJoinTask.adapt(() -> SpectralContrast.frames(magnitude));
        ForkJoinTask<MelFeatures> mel = ForkJoinTask.adapt(() -> MelFeatures.of(magnitude));
        ForkJoinTask.invokeAll(rms, zcr, centroidAndBandwidth, rolloff, flatness, contrast, mel);
        return new SpectralFrames(rms.join(), zcr.join(), centroidAndBandwidth.join()[0],
                centroidAndBandwidth.join()[1], rolloff.join(), flatness.join(), contrast.join(),
                mel.join().power(), mel.join().db(), mel.join().mfcc());
    }

    /** The mel chain: power spectrogram, its dB (global 80 dB floor, §10) and the MFCCs of that (§11). */
    private record MelFeatures(double[][] power, double[][] db, double[][] mfcc) {
        static MelFeatures of(double[][] magnitude) {
            double[][] power = MelFilterbank.librosaDefault().power(magnitude);
            double[][] db = new double[power.length][];
            for (int t = 0; t < power.length; t++) {
                db[t] = power[t].clone();
            }
            PowerToDb.inPlace(db);
            return new MelFeatures(power, db, Mfcc.frames(db, Mfcc.N_MFCC));
        }
    }
}
