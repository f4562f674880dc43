package io.segmenta.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.segmenta.api.generate.GeneratedSample;
import io.segmenta.api.generate.GeneratorRequest;
import io.segmenta.api.generate.SampleGenerator;
import io.segmenta.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generators' output recorded byte for byte (SHA-256 of every file, and the counts) for fixed requests,
 * taken before the generators were refactored onto their shared skeleton: the same seed and options must keep
 * giving the same files, whatever the code looks like.
 */
class GoldenOutputTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "uk-retail | 300 | 0      | 7 | true  | 18c2389813be6ac259d5aac45ee1b4b3873f179565d01b9ab204faec1198a319",
        "uk-retail | 300 | 0      | 7 | false | ba3dc34917764983df7978e8adc5b58ae109985d21d5e26ef971a29868ec7cdd",
        "uk-retail | 200 | 30000  | 5 | true  | 9f24caa38eef96375ab4f878fd6fe455abed1bc7bf31fc38554c10d481e219d0",
        "olist     | 300 | 0      | 7 | true  | 39a2da043794bf6e2eed8bd5715e51367fe8ea37a0a2bbae7683fb0c545c4313",
        "olist     | 300 | 0      | 7 | false | cac922eddb8aad538486ca635271c0a5d964db4a5bc027bebeb2184827741c12",
        "olist     | 200 | 30000  | 5 | true  | a53f74d72623d947c5beb73de70779aa574362f23d588aca37e435af417c8402",
        "padi-umkm | 300 | 0      | 7 | true  | 4b61499ef88d970cf6e620830c9ce3d207a44e641990c350e7bf44f889fd6d9e",
        "padi-umkm | 300 | 0      | 7 | false | 306a75c15a236e24f25b15fd84677dca91356df04c2b5531e70deb66981b233c",
        "padi-umkm | 200 | 30000  | 5 | true  | 1fe2c954d2ba4e8ef4de9d61f7729d6d6afcfd3bfc4ce8ac996b1cc1fe925810",
    })
    void sameRequestSameBytesAsRecorded(String name, int customers, long lines, long seed, boolean dirt,
            String expected) throws IOException {
        GeneratedSample sample = generator(name).generate(dir, new GeneratorRequest(customers, lines, seed, dirt),
                new RecordingContext());
        List<String> parts = new ArrayList<>();
        for (Path file : sample.files()) {
            parts.add(file.getFileName() + "=" + sha256(file));
        }
        parts.add("planted=" + sha256(sample.plantedSegments()));
        parts.add(new TreeMap<>(sample.counts()).toString());
        String actual = sha256(String.join("\n", parts).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(expected, actual, () -> String.join("\n", parts));
    }

    private static SampleGenerator generator(String name) {
        return switch (name) {
            case "uk-retail" -> new UkRetailGenerator();
            case "olist" -> new OlistGenerator();
            case "padi-umkm" -> new PadiUmkmGenerator();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static String sha256(Path file) throws IOException {
        return sha256(Files.readAllBytes(file));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
