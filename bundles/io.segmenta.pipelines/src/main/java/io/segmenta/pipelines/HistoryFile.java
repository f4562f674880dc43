package io.segmenta.pipelines;

import io.segmenta.api.pipeline.PipelineRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The pipeline runs kept on disk, so that the history survives a restart: one line per run, appended as it
 * ends. Bounded: once the file holds twice the runs the catalog keeps, it is rewritten with the newest ones
 * (temporary file, then rename). A line cut short by a kill (no line end) or one that does not parse is left
 * out when the file is read, and the file is rewritten without it before anything is appended.
 * <p>
 * A line: {@code v1 TAB started TAB pipeline TAB trigger TAB nanos TAB ok|failed TAB folder TAB outcome [TAB
 * output]... TAB crc}, where crc is the CRC-32 (hex) of everything before its tab: a cut line glued to a later
 * one does not pass it. A backslash, tab, carriage return or line feed inside a field is written as {@code \\}, {@code
 * \t}, {@code \r}, {@code \n}.
 */
final class HistoryFile {
    private static final String VERSION = "v1";
    private static final int FIXED_FIELDS = 8;

    private final Path file;
    private final int keep;
    /** Lines in the file now (after a read or rewrite, plus those appended). */
    private int lines;

    HistoryFile(Path file, int keep) {
        this.file = file;
        this.keep = keep;
    }

    Path file() {
        return file;
    }

    /**
     * The newest {@code keep} runs in the file, oldest first; a missing file is no runs. Rewrites the file
     * when it held an unreadable or cut line, so that the next line appended starts on a line of its own.
     */
    List<PipelineRun> read() throws IOException {
        if (!Files.exists(file)) {
            lines = 0;
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<PipelineRun> runs = new ArrayList<>();
        boolean dropped = false;
        int end = text.lastIndexOf('\n') + 1; // after the last line end: a cut last line is not read
        dropped |= end < text.length();
        for (String line : text.substring(0, end).split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            PipelineRun run = parse(line);
            if (run == null) {
                dropped = true;
            } else {
                runs.add(run);
            }
        }
        List<PipelineRun> kept = runs.size() > keep ? List.copyOf(runs.subList(runs.size() - keep, runs.size()))
                : runs;
        lines = runs.size();
        if (dropped) {
            rewrite(kept);
        }
        return kept;
    }

    /** Appends one run; rewrites the file with the newest {@code recent} when it has grown past twice the keep. */
    void append(PipelineRun run, List<PipelineRun> recent) throws IOException {
        if (lines + 1 > 2 * keep) {
            rewrite(recent);
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, format(run) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        lines++;
    }

    private void rewrite(List<PipelineRun> runs) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            StringBuilder text = new StringBuilder();
            for (PipelineRun r : runs) {
                text.append(format(r)).append('\n');
            }
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        lines = runs.size();
    }

    static String format(PipelineRun r) {
        StringBuilder line = new StringBuilder(VERSION);
        for (String field : new String[] {r.started().toString(), r.pipeline(), r.trigger(), Long.toString(r.nanos()),
            r.succeeded() ? "ok" : "failed", r.folder() == null ? "" : r.folder().toString(), r.outcome()}) {
            line.append('\t').append(escape(field));
        }
        for (Path output : r.outputs()) {
            line.append('\t').append(escape(output.toString()));
        }
        String crc = crc(line);
        return line.append('\t').append(crc).toString();
    }

    /** The run a line describes, or null when it is not a whole line of this format. */
    static PipelineRun parse(String line) {
        int last = line.lastIndexOf('\t');
        if (last < 0 || !line.substring(last + 1).equals(crc(line.substring(0, last)))) {
            return null;
        }
        String[] f = line.substring(0, last).split("\t", -1);
        if (f.length < FIXED_FIELDS || !f[0].equals(VERSION) || !(f[5].equals("ok") || f[5].equals("failed"))) {
            return null;
        }
        try {
            List<Path> outputs = new ArrayList<>();
            for (int i = FIXED_FIELDS; i < f.length; i++) {
                outputs.add(Path.of(unescape(f[i])));
            }
            String folder = unescape(f[6]);
            return new PipelineRun(unescape(f[2]), unescape(f[3]), Instant.parse(f[1]), Long.parseLong(f[4]),
                    f[5].equals("ok"), unescape(f[7]), outputs, folder.isEmpty() ? null : Path.of(folder));
        } catch (RuntimeException e) {
            return null; // a damaged field: the line is left out like a cut one
        }
    }

    private static String crc(CharSequence text) {
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i == text.length()) {
                throw new IllegalArgumentException("a lone backslash at the end");
            }
            out.append(switch (text.charAt(i)) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case '\\' -> '\\';
                default -> throw new IllegalArgumentException("unknown escape");
            });
        }
        return out.toString();
    }
}
