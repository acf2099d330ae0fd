package audioloop.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

class FileErrorsTest {
    @Test
    void wordsTheErrorWithoutThePath() {
        assertEquals("no such file", FileErrors.inWords(new NoSuchFileException("/music/a.wav")));
        assertEquals("permission denied", FileErrors.inWords(new AccessDeniedException("/music/a.wav")));
        assertEquals("Is a directory", FileErrors.inWords(new FileSystemException("/music", null, "Is a directory")));
        assertEquals("Read-only file system",
                FileErrors.inWords(new AccessDeniedException("/mnt/a.json", null, "Read-only file system")));
        assertEquals("truncated", FileErrors.inWords(new IOException("truncated")));
        assertEquals("IOException", FileErrors.inWords(new IOException()));
    }
}
