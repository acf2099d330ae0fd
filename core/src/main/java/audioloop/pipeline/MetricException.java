package audioloop.pipeline;

/** A metric failed on a file: a bug on our side. The file fails; the rest of a batch goes on. */
public final class MetricException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MetricException(String metric, Throwable cause) {
        super(metric + " failed: " + cause, cause);
    }
}
