package dev.concbench.vocab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    @Test
    void theModelsKeepTheirOrdersAndRanks() {
        assertEquals(List.of("eventloop", "platform-pool", "thread-per-task", "virtual", "process-pool", "eventloop+offload",
                "coroutines", "netty", "python-asyncio", "python-uvloop", "python-threads", "python-processes"),
                ModelKind.ids());
        assertEquals(List.of("eventloop", "eventloop+offload", "virtual", "platform-pool", "thread-per-task", "process-pool",
                "coroutines", "netty", "python-asyncio", "python-uvloop", "python-threads", "python-processes"),
                ModelKind.displayOrder());
        assertEquals(List.of("virtual", "platform-pool", "thread-per-task", "eventloop"), ModelKind.referenceOrder());
        assertEquals(ModelKind.values().length, ModelKind.displayRank("no-such-model"));
        assertEquals(ModelKind.values().length, Arrays.stream(ModelKind.values()).mapToInt(ModelKind::rgb).distinct().count());
    }

    @Test
    void anUnknownModelNamesTheKnownOnes() {
        assertTrue(ModelKind.of("virtul").isEmpty());
        String message = assertThrows(IllegalArgumentException.class, () -> ModelKind.require("virtul")).getMessage();
        assertEquals("unknown model 'virtul' (expected one of eventloop, platform-pool, thread-per-task, virtual,"
                + " process-pool, eventloop+offload, coroutines, netty, python-asyncio, python-uvloop, python-threads,"
                + " python-processes)", message);
    }

    @Test
    void cpythonsModelsAreApartFromTheJvms() {
        assertEquals(List.of("python-asyncio", "python-uvloop", "python-threads", "python-processes"),
                ModelKind.ids(RuntimeKind.CPYTHON));
        assertEquals(RuntimeKind.JVM, ModelKind.runtimeOf("no-such-model"));
        for (ModelKind k : ModelKind.values()) {
            assertEquals(k.runtime() == RuntimeKind.JVM, k.onJvm(), k.id());
            assertEquals(k.runtime() == RuntimeKind.JVM, ModelKind.ids(RuntimeKind.JVM).contains(k.id()), k.id());
        }
        String message = assertThrows(IllegalArgumentException.class,
                () -> dev.concbench.model.Models.start("python-threads", java.util.Map.of(),
                        dev.concbench.model.WorkTarget.none())).getMessage();
        assertTrue(message.contains("runs in CPython"), message);
    }

    @Test
    void aGuardNoteReadsKindCountExplanation() {
        assertEquals("pinned: 3 jdk.VirtualThreadPinned event(s)", Guard.PINNED.note(3));
        assertEquals("not-virtual: 2 task(s) of the virtual model ran on a platform thread", Guard.note("notVirtual", 2));
        assertEquals("incomplete: 4 somethingNew", Guard.note("somethingNew", 4));
        assertEquals("incomplete: 3 of 5 measurement iterations finished", Guard.missingIterations(3, 5));
        assertFalse(Guard.of("nope").isPresent());
        assertEquals(Guard.values().length, Arrays.stream(Guard.values()).map(Guard::key).distinct().count());
    }
}
