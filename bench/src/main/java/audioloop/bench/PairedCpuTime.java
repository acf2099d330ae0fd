package audioloop.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Two builds of a whole-file metric side by side in one JVM: each build's classes through a class loader of its own,
 * run alternately (which goes first alternates too), CPU time of the running thread per run. The machine this project
 * is measured on drifts by 20–40 % within minutes; both builds see the same drift pair by pair, so the median of the
 * per-pair differences resolves a step of 1–2 ms that two JVMs one after the other do not.
 *
 * <p>Run: {@code java -XX:+UseSerialGC -cp bench/target/benchmarks.jar audioloop.bench.PairedCpuTime OLD NEW WORK
 * [PAIRS [SECONDS]]}, OLD and NEW a build's {@code core/target/classes} (e.g. of a {@code git worktree} of the older
 * commit, {@code mvn -pl core compile}), WORK {@code third-octave}, {@code tonality} or {@code sii}; PAIRS (21) runs
 * of each after 5 warm-ups, on SECONDS (60) of {@link TestSignal} at 48 kHz. The libraries come from this jar, behind
 * the given classes.
 */
public final class PairedCpuTime {
    private static final int FS = 48_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PairedCpuTime() {
    }

    @FunctionalInterface
    private interface Work {
        void run(double[] signal) throws ReflectiveOperationException;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: PairedCpuTime OLD_CLASSES NEW_CLASSES third-octave|tonality|sii [PAIRS [SECONDS]]");
            System.exit(2);
        }
        int pairs = args.length > 3 ? Integer.parseInt(args[3]) : 21;
        double seconds = args.length > 4 ? Double.parseDouble(args[4]) : 60;
        int n = (int) Math.round(seconds * FS);
        double[] signal = TestSignal.mono(FS, seconds, 1);
        Work older = work(loader(args[0]), args[2], n);
        Work newer = work(loader(args[1]), args[2], n);
        for (int i = 0; i < 5; i++) {
            older.run(signal);
            newer.run(signal);
        }
        double[] olderMs = new double[pairs];
        double[] newerMs = new double[pairs];
        double[] differenceMs = new double[pairs];
        for (int i = 0; i < pairs; i++) {
            boolean olderFirst = i % 2 == 0;
            double first = cpuMs(olderFirst ? older : newer, signal);
            double second = cpuMs(olderFirst ? newer : older, signal);
            olderMs[i] = olderFirst ? first : second;
            newerMs[i] = olderFirst ? second : first;
            differenceMs[i] = newerMs[i] - olderMs[i];
        }
        Arrays.sort(olderMs);
        Arrays.sort(newerMs);
        Arrays.sort(differenceMs);
        System.out.printf("%s, %.0f s: older %.1f ms, newer %.1f ms (medians of %d); paired difference %+.1f ms "
                        + "(quartiles %+.1f … %+.1f)%n", args[2], seconds, olderMs[pairs / 2], newerMs[pairs / 2], pairs,
                differenceMs[pairs / 2], differenceMs[pairs / 4], differenceMs[3 * pairs / 4]);
    }

    private static ClassLoader loader(String classes) throws Exception {
        URL jar = PairedCpuTime.class.getProtectionDomain().getCodeSource().getLocation();
        return new URLClassLoader(new URL[] {Path.of(classes).toUri().toURL(), jar},
                ClassLoader.getPlatformClassLoader());
    }

    private static double cpuMs(Work work, double[] signal) throws ReflectiveOperationException {
        long start = THREADS.getCurrentThreadCpuTime();
        work.run(signal);
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
    }

    private static Work work(ClassLoader loader, String what, int n) throws ReflectiveOperationException {
        switch (what) {
            case "third-octave" -> {
                Class<?> spectrum = loader.loadClass("audioloop.loudness.ThirdOctaveSpectrum");
                Method length = spectrum.getMethod("transformLength", int.class, int.class, double.class, double.class);
                Method levels = spectrum.getMethod("levelsDbInPlace", double[].class, int.class, int.class,
                        double.class, double.class);
                return x -> levels.invoke(null, Arrays.copyOf(x, (int) length.invoke(null, n, FS, 25.0, 20_000.0)), n,
                        FS, 25.0, 20_000.0);
            }
            case "tonality" -> {
                Method analyze = loader.loadClass("audioloop.tonality.EcmaTonality").getMethod("analyze",
                        double[].class, double.class);
                return x -> analyze.invoke(null, x.clone(), (double) FS);
            }
            case "sii" -> {
                Class<?> level = loader.loadClass("audioloop.sii.SpeechLevel");
                Object normal = level.getField("NORMAL").get(null);
                Method ofNoise = loader.loadClass("audioloop.sii.SpeechIntelligibilityIndex").getMethod("ofNoise",
                        double[].class, double.class, level);
                return x -> ofNoise.invoke(null, x.clone(), (double) FS, normal);
            }
            default -> throw new IllegalArgumentException("work: third-octave, tonality or sii, got " + what);
        }
    }
}
