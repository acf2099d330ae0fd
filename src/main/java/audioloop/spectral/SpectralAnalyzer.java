package audioloop.spectral;

import java.util.List;
import java.util.concurrent.ForkJoinTask;

/**
 * The spectral block: one STFT, then every librosa feature from it (notes/librosa.md §1–§13) and the pitch track.
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
        ForkJoinTask<double[]> tuning = ForkJoinTask.adapt(() -> new double[] {Tuning.estimate(magnitude)});
        ForkJoinTask<PitchTrack> pitch = ForkJoinTask.adapt(() -> Pitch.track(y48k));
        ForkJoinTask.invokeAll(List.of(mel, pitch, contrast, flatness, tuning, rms, zcr, centroidAndBandwidth, rolloff));
        double tuningValue = tuning.join()[0];
        MelFeatures melFeatures = mel.join();
        return new SpectralFrames(rms.join(), zcr.join(), centroidAndBandwidth.join()[0],
                centroidAndBandwidth.join()[1], rolloff.join(), flatness.join(), contrast.join(),
                melFeatures.power(), melFeatures.db(), melFeatures.mfcc(), Chroma.stft(magnitude, tuningValue),
                tuningValue, melFeatures.onsetStrength(), melFeatures.beats(), pitch.join());
    }

    /**
     * The mel chain: power spectrogram, its dB (global 80 dB floor, §10), the MFCCs of that (§11), the onset
     * envelope (mean over bands, §13.1) and the beats, which librosa tracks on the median-aggregated envelope (§13.2).
     */
    private record MelFeatures(double[][] power, double[][] db, double[][] mfcc, double[] onsetStrength, Beats beats) {
        static MelFeatures of(double[][] magnitude) {
            double[][] power = MelFilterbank.librosaDefault().power(magnitude);
            double[][] db = new double[power.length][];
            for (int t = 0; t < power.length; t++) {
                db[t] = power[t].clone();
            }
            PowerToDb.inPlace(db);
            return new MelFeatures(power, db, Mfcc.frames(db, Mfcc.N_MFCC),
                    OnsetStrength.fromMelDb(db, OnsetStrength.Aggregate.MEAN),
                    BeatTracker.track(OnsetStrength.fromMelDb(db, OnsetStrength.Aggregate.MEDIAN)));
        }
    }
}
