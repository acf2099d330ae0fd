package audioloop.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import jdk.jfr.FlightRecorder;

/**
 * Times the stages of one file: milliseconds for {@code timing_ms}, and a JFR {@link StageEvent} per timed call while
 * a recording runs. A stage fed block by block is timed per block; its milliseconds are the sum over its blocks.
 */
final class StageTimer {
    private final String file;
    private final Map<String, Double> millis = new ConcurrentHashMap<>();

    StageTimer(String file) {
        this.file = file;
    }

    <T> T time(String stage, long samples, Supplier<T> work) {
        // The first StageEvent sets up JFR's event machinery (class transformation, metadata): measured 150–170 ms
        // of a 1 s file's run on 2 cores, spent for nothing without a recording. So events are made only once the
        // recorder exists (--profile, or -XX:StartFlightRecording / jcmd JFR.start).
        StageEvent event = FlightRecorder.isInitialized() ? new StageEvent() : null;
        if (event != null) {
            event.begin();
        }
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            millis.merge(stage, (System.nanoTime() - start) / 1e6, Double::sum);
            if (event != null) {
                event.end();
                if (event.shouldCommit()) {
                    event.file = file;
                    event.stage = stage;
                    event.samples = samples;
                    event.commit();
                }
            }
        }
    }

    void time(String stage, long samples, Runnable work) {
        time(stage, samples, () -> {
            work.run();
            return null;
        });
    }

    Double millis(String stage) {
        return millis.get(stage);
    }
}
