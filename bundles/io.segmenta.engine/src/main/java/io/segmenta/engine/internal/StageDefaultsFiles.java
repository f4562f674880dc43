package io.segmenta.engine.internal;

import io.segmenta.api.SegmentaException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads stage defaults from the files Felix would get through FileInstall, for the module path, where there is
 * no Configuration Admin: every {@code io.segmenta.stage.defaults-NAME.cfg} in one folder (the distribution's
 * {@code deploy/}), in the Java properties format FileInstall reads ({@code key=value}, {@code #} comments).
 */
public final class StageDefaultsFiles {
    /** The system property {@code bin/segmenta} sets to the folder. */
    public static final String FOLDER_PROPERTY = "segmenta.defaults.dir";

    private StageDefaultsFiles() {
    }

    /** The entries of the folder's files, sorted by file name; none when the folder does not exist. */
    public static List<StageDefaults.Entry> read(Path folder) {
        List<StageDefaults.Entry> entries = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return entries;
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, StageDefaults.FACTORY_PID + "-*.cfg")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            throw new SegmentaException(folder + ": cannot list the stage defaults: " + e.getMessage(), e);
        }
        files.sort(null);
        for (Path file : files) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(in);
            } catch (IOException | IllegalArgumentException e) {
                throw new SegmentaException(file + ": cannot read the stage defaults: " + e.getMessage(), e);
            }
            Map<String, Object> map = new HashMap<>();
            properties.stringPropertyNames().forEach(k -> map.put(k, properties.getProperty(k)));
            entries.add(StageDefaults.parse(map, file.toString()));
        }
        return entries;
    }
}
