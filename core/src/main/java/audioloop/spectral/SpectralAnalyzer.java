package audioloop.spectral;

import java.util.concurrent.ForkJoinTask;

/**
 * The spectral block: one STFT, then every librosa feature from it (notes/librosa.md §1–§13) and the pitch track.
 * One pass over the frames computes every one-frame feature ({@link FrameFeatures}) in chunks of frames that run
 * as fork/join tasks, beside the time-domain features; then what needs the whole file (dB floors, tuning → chroma,
 * beats) runs as independent tasks. Everything is computed in chunks fixed by the frame count, so the result
 * does not depend on the pool size.
 */
public final class SpectralAnalyzer {
    /** ≈ 5.5 s of audio per fork/join task: large enough to amortise the plans, small enough to balance two cores. */
    private static final int FRAMES_PER_TASK = 512;

    private SpectralAnalyzer() {
    }

    /** Analyses a 48 kHz signal. */
    public static SpectralFrames analyze(double[] y48k) {
        int frames = Stft.frameCount(y48k.length);
        FrameFeatures features = new FrameFeatures(frames, Pitch.frameCount(y48k.length), true);
        // Chroma needs the tuning of the whole file: the magnitudes are kept for it.
        double[][] magnitude = new double[frames][];
        Tuning.Peaks[] peaks = new Tuning.Peaks[FrameChunks.chunkCount(frames, FRAMES_PER_TASK)];
        ForkJoinTask<?> spectra = ForkJoinTask.adapt(() -> FrameChunks.forEach(frames, FRAMES_PER_TASK,
                (chunk, from, to) -> {
                    FrameFeatures.Worker worker = new FrameFeatures.Worker();
                    for (int t = from; t < to; t++) {
                        magnitude[t] = worker.magnitude(y48k, 0, y48k.length, t, new double[Stft.BINS]);
                        features.frame(t, magnitude[t], worker);
                    }
                    peaks[chunk] = worker.peaks;
                }));
        ForkJoinTask<double[]> rms = ForkJoinTask.adapt(() -> Rms.frames(y48k));
        ForkJoinTask<double[]> zcr = ForkJoinTask.adapt(() -> ZeroCrossingRate.frames(y48k));
        ForkJoinTask.invokeAll(spectra, rms, zcr);

        Tuning.Peaks allPeaks = new Tuning.Peaks();
        for (Tuning.Peaks p : peaks) {
            allPeaks.addAll(p);
        }
        double tuning = Tuning.fromPeaks(allPeaks);
        ForkJoinTask<double[][]> chroma = ForkJoinTask.adapt(() -> Chroma.stft(magnitude, tuning));
        ForkJoinTask<MelFeatures> mel = ForkJoinTask.adapt(() -> MelFeatures.of(features.melPower));
        ForkJoinTask<double[][]> contrast = ForkJoinTask.adapt(() -> FeatureStats.transpose(
                SpectralContrast.fromPeaksAndValleys(features.contrastPeak, features.contrastValley)));
        ForkJoinTask.invokeAll(mel, chroma, contrast);
        MelFeatures melFeatures = mel.join();
        return new SpectralFrames(rms.join(), zcr.join(), features.centroid, features.bandwidth, features.rolloff,
                features.flatness, contrast.join(), melFeatures.power(), melFeatures.db(), melFeatures.mfcc(),
                chroma.join(), tuning, melFeatures.onsetStrength(), melFeatures.beats(),
                Pitch.fromFrames(features.pitchHz));
    }

    /**
     * The mel chain: power spectrogram, its dB (global 80 dB floor, §10), the MFCCs of that (§11), the onset
     * envelope (mean over bands, §13.1) and the beats, which librosa tracks on the median-aggregated envelope (§13.2).
     */
    private record MelFeatures(double[][] power, double[][] db, double[][] mfcc, double[] onsetStrength, Beats beats) {
        static MelFeatures of(double[][] power) {
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
