package audioloop.io;

import java.io.IOException;

/** A file that is not a WAV we can decode; the message says what is wrong, in words, on one line. */
public final class WavFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public WavFormatException(String message) {
        super(message);
    }
}
