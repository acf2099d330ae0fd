package audioloop.spectral;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.RecursiveAction;

/**
 * Runs a loop over frames as fixed-size chunks with {@link ForkJoinTask#invokeAll}, so it uses whatever
 * ForkJoinPool calls it (the pipeline's) and never creates threads. Chunk boundaries depend only on the count
 * and the chunk size, never on the pool, so per-chunk partial results combined in chunk order are bit-identical
 * for any pool size.
 */
final class FrameChunks {
    /** Work on frames {@code from} (inclusive) to {@code to} (exclusive), chunk number {@code chunk}. */
    interface Body {
        void run(int chunk, int from, int to);
    }

    private FrameChunks() {
    }

    static int chunkCount(int frames, int chunkSize) {
        return (frames + chunkSize - 1) / chunkSize;
    }

    static void forEach(int frames, int chunkSize, Body body) {
        int chunks = chunkCount(frames, chunkSize);
        if (chunks == 1) {
            body.run(0, 0, frames);
            return;
        }
        List<RecursiveAction> tasks = new ArrayList<>(chunks);
        for (int c = 0; c < chunks; c++) {
            int chunk = c;
            int from = c * chunkSize;
            int to = Math.min(frames, from + chunkSize);
            tasks.add(new RecursiveAction() {
                @Override
                protected void compute() {
                    body.run(chunk, from, to);
                }
            });
        }
        ForkJoinTask.invokeAll(tasks);
    }
}
