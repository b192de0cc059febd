package dev.concbench.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A workload sent to a worker process, and what comes back: the message format of the
 * {@value RunWorkloadFunction#NAME} worker function, as JSON text.
 *
 * @param workload what to run
 * @param serverHost the delay server's host, or {@code null} when the task makes no request
 * @param serverPort the delay server's port (ignored without a host)
 * @param connectionLimit the worker's own connection limit to the server
 * @param timeoutMillis the worker's request timeout, in milliseconds
 */
public record WorkerTask(Workload workload, String serverHost, int serverPort, int connectionLimit, long timeoutMillis) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A task for {@code workload} against {@code server} ({@code null}: no server). */
    public static WorkerTask of(Workload workload, InetSocketAddress server, int connectionLimit, Duration timeout) {
        return new WorkerTask(workload, server == null ? null : server.getHostString(),
                server == null ? 0 : server.getPort(), connectionLimit, timeout.toMillis());
    }

    /** The server to talk to, or {@code null}. */
    public InetSocketAddress server() {
        return serverHost == null ? null : new InetSocketAddress(serverHost, serverPort);
    }

    /** This task as the worker function's argument. */
    public String encode() {
        return write(this);
    }

    /** Parses a worker function argument. */
    public static WorkerTask decode(String json) throws JsonProcessingException {
        return JSON.readValue(json, WorkerTask.class);
    }

    /**
     * What the worker sends back.
     *
     * @param result the workload's result
     * @param placements where each step ran in the worker
     */
    public record Reply(WorkResult result, List<Placement> placements) {

        /** This reply as the worker function's return value. */
        public String encode() {
            return write(this);
        }

        /** Parses a worker function's return value. */
        public static Reply decode(String json) throws JsonProcessingException {
            return JSON.readValue(json, Reply.class);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value, e);
        }
    }
}
