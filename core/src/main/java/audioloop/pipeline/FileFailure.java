package audioloop.pipeline;

/**
 * A file that could not be analysed.
 *
 * @param file     the path as the user gave it
 * @param message  what is wrong, in words, one line
 * @param internal true when the cause is a bug of ours (exit code 3) rather than the input (exit code 1)
 * @param cause    the exception, for {@code --verbose}
 */
public record FileFailure(String file, String message, boolean internal, Throwable cause) {
}
