package dev.concbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pool's socket folder ({@code concbench-pool-<pid>-*}) goes with its JVM on every exit path the
 * JVM controls (SIGTERM included), and one left by a killed JVM is removed by the next pool that
 * starts, identified as stale by its dead pid; a live process's folder is never touched.
 */
class TempCleanupTest {

    @Test
    @Timeout(40)
    void sigtermLeavesNoSocketFolderAndSigkillsFolderIsSweptByTheNextPool(@TempDir Path tmp) throws Exception {
        Process terminated = parent(tmp);
        assertEquals(1, poolDirs(tmp).size(), "the running parent has its socket folder");
        terminated.destroy(); // SIGTERM: the JVM runs its shutdown hooks
        terminated.waitFor();
        assertEquals(List.of(), poolDirs(tmp), "SIGTERM: the folder went with the JVM");

        Process killed = parent(tmp);
        killed.destroyForcibly(); // SIGKILL: nothing runs, the folder stays behind
        killed.waitFor();
        List<Path> stale = poolDirs(tmp);
        assertEquals(1, stale.size());
        assertEquals(Optional.of(killed.pid()), PidTempDir.owner(stale.getFirst().getFileName().toString(),
                WorkerLauncher.TEMP_PREFIX));

        Path ours = Files.createDirectory(tmp.resolve(WorkerLauncher.TEMP_PREFIX + ProcessHandle.current().pid() + "-x"));
        Path foreign = Files.createDirectory(tmp.resolve(WorkerLauncher.TEMP_PREFIX + "not-a-pid"));
        assertEquals(1, PidTempDir.removeStale(tmp, WorkerLauncher.TEMP_PREFIX));
        assertFalse(Files.exists(stale.getFirst()), "the dead parent's folder was swept");
        assertTrue(Files.isDirectory(ours), "a live process's folder is left alone");
        assertTrue(Files.isDirectory(foreign), "a name of another shape is left alone");
    }

    @Test
    void ownerReadsThePidOfAFolderName() {
        assertEquals(Optional.of(1234L), PidTempDir.owner("concbench-run-1234", "concbench-run-"));
        assertEquals(Optional.of(99L), PidTempDir.owner("concbench-pool-99-8812", "concbench-pool-"));
        assertEquals(Optional.empty(), PidTempDir.owner("concbench-pool-", "concbench-pool-"));
        assertEquals(Optional.empty(), PidTempDir.owner("concbench-pool-abc-1", "concbench-pool-"));
        assertEquals(Optional.empty(), PidTempDir.owner("jmh123", "concbench-pool-"));
    }

    /** A JVM with a one-worker pool whose temporary folder is {@code tmp}, once its pool runs. */
    private static Process parent(Path tmp) throws IOException {
        Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                PoolParentMain.class.getName(), "1").redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("pids "), "parent printed: " + line);
        return parent;
    }

    private static List<Path> poolDirs(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().startsWith(WorkerLauncher.TEMP_PREFIX)).toList();
        }
    }
}
