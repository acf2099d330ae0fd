package audioloop.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** File-system errors in words, without the path: what users read after "audioloop: FILE: ". */
public final class FileErrors {
    private FileErrors() {
    }

    /**
     * The reason of a FileSystemException (its message repeats the path); "no such file" and "permission denied"
     * for the two common ones, which the JDK gives no reason; otherwise the message, or the exception's kind.
     */
    public static String inWords(IOException e) {
        if (e instanceof FileSystemException fs) {
            if (fs.getReason() != null) {
                return fs.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "no such file";
            }
            if (e instanceof AccessDeniedException) {
                return "permission denied";
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
