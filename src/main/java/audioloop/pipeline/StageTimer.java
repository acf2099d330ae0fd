package audioloop.pipeline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Times the stages of one file: milliseconds for {@code timing_ms}, and a JFR {@link StageEvent} per stage. */
final class StageTimer {
    private final String file;
    private final Map<String, Double> millis = new ConcurrentHashMap<>();

    StageTimer(String file) {
        this.file = file;
    }

    <T> T time(String stage, long samples, Supplier<T> work) {
        StageEvent event = new StageEvent();
        event.begin();
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            millis.put(stage, (System.nanoTime() - start) / 1e6);
            event.end();
            if (event.shouldCommit()) {
                event.file = file;
                event.stage = stage;
                event.samples = samples;
                event.commit();
            }
        }
    }

    Double millis(String stage) {
        return millis.get(stage);
    }
}
