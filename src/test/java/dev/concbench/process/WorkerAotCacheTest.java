package dev.concbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The AOT cache: refused for class directories, created once and then used with a jar classpath. */
class WorkerAotCacheTest {

    @Test
    void aClassDirectoryOnTheClasspathRulesTheCacheOut(@TempDir Path dir) throws IOException {
        Path jar = Files.createFile(dir.resolve("a.jar"));

        assertEquals("classpath entry " + dir + " is a directory; the JDK's AOT cache needs jar files",
                WorkerAotCache.unusableBecause(jar + java.io.File.pathSeparator + dir).orElseThrow());
        assertTrue(WorkerAotCache.unusableBecause(jar.toString()).isEmpty());
    }

    @Test
    @Timeout(20)
    void aJarClasspathCreatesTheCacheOnceThenUsesIt(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("process.jar");
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        writeJar(jar, classesOf(WorkerMain.class), classesOf(TestFunctions.class));

        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", jar.toString(), AotParentMain.class.getName())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> lines = new String(parent.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

        assertEquals(0, parent.waitFor(), "parent output: " + lines);
        assertEquals(4, lines.size(), "parent output: " + lines);
        assertTrue(lines.get(0).matches("status created .*/concbench-aot/worker-[0-9a-f]+\\.aot in \\d+ ms"), lines.get(0));
        assertTrue(lines.get(2).matches("status used .*/concbench-aot/worker-[0-9a-f]+\\.aot"), lines.get(2));
        assertTrue(lines.get(1).startsWith("echo aot ") && lines.get(3).startsWith("echo aot "), lines.toString());
        try (Stream<Path> files = Files.list(tmp.resolve("concbench-aot"))) {
            assertEquals(1, files.count(), "only the cache remains, no training or partial file");
        }
    }

    private static Path classesOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** A jar of this package's classes and service files from each root (nothing else is needed). */
    private static void writeJar(Path jar, Path... roots) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (Path root : roots) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String name = root.relativize(file).toString().replace('\\', '/');
                        if (name.startsWith("dev/concbench/process/") || name.startsWith("META-INF/services/dev.concbench.process.")) {
                            out.putNextEntry(new JarEntry(name));
                            Files.copy(file, out);
                            out.closeEntry();
                        }
                    }
                }
            }
        }
    }
}
