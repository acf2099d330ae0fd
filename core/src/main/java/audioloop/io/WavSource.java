package audioloop.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a WAV is read from. The analysis opens it once per pass: a file too long for the spectral block to hold
 * whole is read up to three times, so a source must give the same bytes every time.
 */
@FunctionalInterface
public interface WavSource {
    /** A new stream positioned at the first frame. */
    WavStream open() throws IOException;

    static WavSource of(Path file) {
        return () -> WavDecoder.open(file);
    }

    /** WAV bytes in memory (the array is read, never changed; the caller must not change it either). */
    static WavSource of(byte[] wavBytes) {
        return () -> WavDecoder.open(new ByteArrayChannel(wavBytes));
    }
}
