package io.segmenta.report.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.pipeline.KCandidate;
import io.segmenta.api.pipeline.KSelection;
import io.segmenta.api.pipeline.PipelineResult;
import io.segmenta.testing.Fixtures;
import io.segmenta.testing.RecordingContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The workbook's parts recorded (SHA-256 of every part of the zip, the output folder written as DIR) before the
 * writer was cut into one class per sheet: the same result must keep giving the same cells and styles.
 * Re-recorded once for issue 15 (the assignments' segment became an integer cell in an integer format and the
 * value column got the money format; XlsxReporterTest checks those cells), nothing else changed.
 */
class GoldenWorkbookTest {
    @TempDir
    Path dir;

    @Test
    void theWorkbookOfTheThreeCustomerFixtureIsAsRecorded() throws IOException {
        assertEquals("b083a6e0d1abcb62346e065aeb3483077213cf6921d767a6c904a0f4f9a7c89a",
                sha256(workbook(Fixtures.threeCustomers(dir), 2)));
    }

    @Test
    void theWorkbookWithAChosenKIsAsRecorded() throws IOException {
        PipelineResult r = Fixtures.threeCustomers(dir);
        KSelection selection = new KSelection(r.spec(), List.of(
                new KCandidate(2, 900.0, 0.41, 0.95, 1200.0, 3_000_000L),
                new KCandidate(3, 500.0, Double.NaN, 0.80, 1500.0, 4_000_000L)),
                3, 2, "k = 2: because it is the test", 2, 3);
        PipelineResult chosen = Fixtures.result(r.spec(), r.source(), r.features(), r.scaled(), r.scaling(),
                r.model(), r.quality(), r.segments(), r.timings(), r.stageVersions(), r.outputs(),
                Optional.of(selection));
        assertEquals("b748e7323e8e89e65578a8631d8aa2d2ffcd690f959369d1e110d08143518939",
                sha256(workbook(chosen, 1_000)));
    }

    private static byte[] workbook(PipelineResult r, int rowsPerSheet) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new WorkbookWriter(r, rowsPerSheet, new RecordingContext()).write(out);
        return out.toByteArray();
    }

    /** Every part but the document properties (they hold the time of writing). */
    private String sha256(byte[] xlsx) throws IOException {
        List<String> parts = new ArrayList<>();
        Path file = Files.write(Files.createTempFile(dir, "golden", ".xlsx"), xlsx);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) {
                if (!e.getName().startsWith("docProps/")) {
                    try (InputStream in = zip.getInputStream(e)) {
                        parts.add(e.getName() + "\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8)
                                .replace(dir.toString(), "DIR"));
                    }
                }
            }
        }
        try {
            byte[] text = String.join("\n", parts).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
