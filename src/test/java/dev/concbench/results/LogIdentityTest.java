package dev.concbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class LogIdentityTest {

    @TempDir
    Path dir;

    private static LogIdentity virtualOnOneCarrier() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("carriers", "1");
        params.put("disturbance", "cpu-hog");
        return new LogIdentity("preemption", "virtual", params, "disturbance");
    }

    @Test
    void theHeaderLineRoundTripsAndTheNameIsOnlyForPeople() throws Exception {
        LogIdentity id = virtualOnOneCarrier();
        assertEquals("cpu-hog", id.variant());
        assertEquals(Map.of("carriers", "1"), id.fixed());
        assertEquals("preemption-virtual-carriers1-cpu-hog", id.fileStem());
        Path log = Files.writeString(dir.resolve("whatever.hlog"), "#" + id.comment() + "\n#[StartTime: 1.0]\n");
        assertEquals(Optional.of(id), LogIdentity.read(log));
    }

    @Test
    void aLogWithoutTheHeaderHasNoIdentityAndABrokenHeaderIsOneLineNamingTheFile() throws Exception {
        Path old = Files.writeString(dir.resolve("old.hlog"), "#[Histogram log format version 1.3]\n");
        assertEquals(Optional.empty(), LogIdentity.read(old));
        Path broken = Files.writeString(dir.resolve("broken.hlog"), "#" + LogIdentity.TAG + "{\"scenario\": 3\n");
        ResultsFormatException e = assertThrows(ResultsFormatException.class, () -> LogIdentity.read(broken));
        assertTrue(e.getMessage().startsWith(broken + ": unreadable concbench-log header"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        Path noSweep = Files.writeString(dir.resolve("nosweep.hlog"), "#" + LogIdentity.TAG
                + "{\"scenario\":\"io-load\",\"model\":\"virtual\",\"params\":{\"rate\":\"200\"},\"sweep\":\"delayMs\"}\n");
        assertThrows(ResultsFormatException.class, () -> LogIdentity.read(noSweep));
    }
}
