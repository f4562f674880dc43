package io.segmenta.api;

/**
 * An error caused by what the user asked for or gave as input (a missing file, a bad value, an unknown
 * stage, an impossible parameter). Its message is a single line that names what is wrong and what was
 * expected; shells and the CLI print it as it is, without a stack trace. Errors that are bugs are not
 * {@code SegmentaException}s.
 */
public class SegmentaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SegmentaException(String message) {
        super(message);
    }

    public SegmentaException(String message, Throwable cause) {
        super(message, cause);
    }
}
