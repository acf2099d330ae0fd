package audioloop.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.text.ParseException;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * {@code --profile FILE.jfr}: a JFR recording of the whole run with the JDK's "profile" settings (method sampling
 * every 10 ms, allocation samples, GC, locks) plus the pipeline's {@code audioloop.Stage} events. Written when the
 * run ends, also when files failed. Read with {@code jfr print --events audioloop.Stage FILE} or JDK Mission Control.
 */
final class Profiler implements AutoCloseable {
    private final Recording recording;

    private Profiler(Recording recording) {
        this.recording = recording;
    }

    static Profiler start(Path destination) throws IOException {
        if (destination == null) {
            return new Profiler(null);
        }
        try {
            Recording recording = new Recording(Configuration.getConfiguration("profile"));
            recording.setName("audioloop");
            recording.setToDisk(true);
            recording.setDestination(destination);
            recording.start();
            return new Profiler(recording);
        } catch (ParseException e) {
            throw new IOException("cannot load the JFR 'profile' settings: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (recording != null) {
            recording.stop(); // writes the destination file
            recording.close();
        }
    }
}
