package io.segmenta.table.input;

import io.segmenta.api.SegmentaException;
import io.segmenta.api.stage.Options;
import io.segmenta.api.stage.StageOption;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Optional;

/**
 * The one encoding rule of every source (docs/reliability.md): a source's text is decoded as the character set of
 * its option {@value #OPTION} (default UTF-8), and bytes that are not valid in it stop the read with one message
 * naming the file, line and column of the first of them and this option. Never U+FFFD: a wrong encoding would turn
 * "Côte d'Ivoire" into another country or split one customer into two, silently.
 *
 * @since 1.1
 */
public final class SourceEncoding {
    /** The source option naming the input's character set. */
    public static final String OPTION = "encoding";
    /** What the message about undecodable bytes adds: the option to set. */
    public static final String HINT = "set option " + OPTION + " to the file's encoding (e.g. " + OPTION
            + "=windows-1252 or " + OPTION + "=ISO-8859-1)";

    private SourceEncoding() {
    }

    /** The option, as each source lists it. */
    public static StageOption option() {
        return new StageOption(OPTION, "the character set of the input's text (a Java name: UTF-8, windows-1252,"
                + " ISO-8859-1, ...); bytes not valid in it stop the read, naming file, line and column",
                "UTF-8");
    }

    /**
     * The character set of option {@value #OPTION}, or UTF-8 when it is not given.
     *
     * @throws SegmentaException when the option names no character set this Java knows
     */
    public static Charset read(Options options) {
        return given(options).orElse(StandardCharsets.UTF_8);
    }

    /** The character set of option {@value #OPTION} when it is given (for a source with another default). */
    public static Optional<Charset> given(Options options) {
        Optional<String> value = options.get(OPTION).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(value.get()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new SegmentaException("option " + OPTION + ": '" + value.get() + "' is not a character set this"
                    + " Java knows; expected e.g. UTF-8 (default), windows-1252 or ISO-8859-1");
        }
    }
}
