package dev.concbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Workload descriptions: their rules, the burn's checksum, and the message a worker process receives. */
class WorkloadTest {

    @Test
    void badDescriptionsStateTheRuleAndTheValue() {
        assertEquals("millis must be >= 0, was -1",
                assertThrows(IllegalArgumentException.class, () -> new Workload.TimerWait(-1)).getMessage());
        assertEquals("iterations must be >= 0, was -5",
                assertThrows(IllegalArgumentException.class, () -> new Workload.CpuBurn(-5)).getMessage());
        assertEquals("request path must start with '/', was 'delay/1'",
                assertThrows(IllegalArgumentException.class, () -> new Workload.HttpGet("delay/1")).getMessage());
    }

    @Test
    void theBurnSumsTheSquares() {
        assertEquals(0, Burn.burn(0));
        assertEquals(0 + 1 + 4 + 9, Burn.burn(4));
        long n = 1_000;
        assertEquals((n - 1) * n * (2 * n - 1) / 6, Burn.burn(n));
    }

    @Test
    void everyWorkloadSurvivesTheTripToAWorkerAndBack() throws Exception {
        List<Workload> all = List.of(new Workload.TimerWait(1), new Workload.HttpGet("/"), new Workload.CpuBurn(7),
                new Workload.Mixed("/delay/1", 3), new Workload.FanOut("/a", "/b"), new Workload.BlockingSleep(2));
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", 8080);
        for (Workload w : all) {
            WorkerTask task = WorkerTask.decode(WorkerTask.of(w, server, 10, Duration.ofSeconds(3)).encode());
            assertEquals(w, task.workload());
            assertEquals(server, task.server());
        }
        WorkerTask.Reply reply = new WorkerTask.Reply(new WorkResult(42, List.of(200, 404)), List.of(Placement.here(Step.CPU)));
        assertEquals(reply, WorkerTask.Reply.decode(reply.encode()));
    }
}
