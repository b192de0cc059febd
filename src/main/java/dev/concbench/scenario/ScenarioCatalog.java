package dev.concbench.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every scenario of a {@code scenarios/} directory, parsed and validated up front so that a bad
 * file fails before anything runs. Immutable once loaded.
 *
 * @param scenarios the scenarios, ordered by file name
 */
public record ScenarioCatalog(List<Scenario> scenarios) {

    public ScenarioCatalog {
        scenarios = List.copyOf(scenarios);
    }

    /**
     * Loads every {@code *.yaml} file of {@code dir}.
     *
     * @param dir     the directory
     * @param display how errors name the directory, e.g. {@code scenarios}
     * @param parser  the parser that knows this build's benchmarks
     * @throws ScenarioException the first bad file's first problem
     * @throws IOException       when the directory cannot be listed or a file read
     */
    public static ScenarioCatalog load(Path dir, String display, ScenarioParser parser)
            throws ScenarioException, IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ScenarioException(display, 1, "permission denied (cannot list the scenarios folder)");
        }
        List<Scenario> out = new ArrayList<>();
        for (Path f : files) {
            String where = display + "/" + f.getFileName();
            out.add(parser.parse(where, text(f, where)));
        }
        return new ScenarioCatalog(out);
    }

    /** The largest scenario file read, in bytes: the shipped ones are a few KiB, and parsing time grows faster than size. */
    public static final int MAX_FILE_BYTES = 256 * 1024;

    /**
     * The text of one scenario file: a readable regular file of at most {@link #MAX_FILE_BYTES},
     * decoded as strict UTF-8.
     */
    static String text(Path f, String where) throws ScenarioException, IOException {
        if (Files.isDirectory(f)) {
            throw new ScenarioException(where, 1, "is a folder (expected a YAML file)");
        }
        if (!Files.isRegularFile(f)) {
            throw new ScenarioException(where, 1, "is not a regular file (expected a YAML file)");
        }
        long size = Files.size(f);
        if (size > MAX_FILE_BYTES) {
            throw new ScenarioException(where, 1, "is " + size + " bytes (a scenario file is at most "
                    + MAX_FILE_BYTES + " bytes)");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(f);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ScenarioException(where, 1, "permission denied (cannot read the file)");
        }
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(in).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new ScenarioException(where, line, String.format(
                    "not UTF-8 text (byte 0x%02x at offset %d; a scenario file is UTF-8 YAML)", bytes[Math.min(at, bytes.length - 1)] & 0xff, at));
        }
    }

    /** The scenario called {@code name}, if any. */
    public Optional<Scenario> find(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** Every scenario's name, in order. */
    public List<String> names() {
        return scenarios.stream().map(Scenario::name).toList();
    }
}
