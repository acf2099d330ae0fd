package audioloop.loudness;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.function.IntConsumer;

/** The loudness stages' one way of splitting work: independent tasks in the caller's fork-join pool. */
final class Parallel {
    private Parallel() {
    }

    /**
     * Runs body(0 … count−1) as independent tasks in the current ForkJoinPool (the common pool outside one) and
     * waits for all.
     */
    static void inParallel(int count, IntConsumer body) {
        List<ForkJoinTask<?>> tasks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int index = i;
            tasks.add(ForkJoinTask.adapt(() -> body.accept(index)));
        }
        ForkJoinTask.invokeAll(tasks);
    }
}
