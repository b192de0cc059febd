package dev.concbench.history;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A throwaway PostgreSQL server for the tests: {@code initdb} into a temporary directory, started
 * with {@code pg_ctl} on a free loopback port, trust authentication, fsync off, stopped and deleted
 * by {@link #stop()}. Uses Debian's binaries ({@code /usr/lib/postgresql/N/bin}); PostgreSQL
 * refuses to run as root, so as root it runs as the {@code postgres} user (or {@code nobody}).
 *
 * <p>Without the binaries: with {@code CI=true} the test fails (CI installs them), otherwise it is
 * skipped, loudly, on stderr.
 */
final class PostgresCluster {

    private static final String USER = "concbench";
    private final Path dir;
    private final Path bin;
    private final int port;
    private final List<String> runAs;
    private final AtomicInteger databases = new AtomicInteger();

    private PostgresCluster(Path dir, Path bin, int port, List<String> runAs) {
        this.dir = dir;
        this.bin = bin;
        this.port = port;
        this.runAs = runAs;
    }

    /** Starts a cluster, or skips (fails under CI) the calling test class when PostgreSQL is not installed. */
    static PostgresCluster start() throws Exception {
        Optional<Path> bin = binaries();
        if (bin.isEmpty()) {
            String why = "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb): "
                    + "apt-get install postgresql";
            if ("true".equals(System.getenv("CI"))) {
                Assertions.fail(why + " (CI must run the PostgreSQL history tests)");
            }
            System.err.println("SKIPPED: the PostgreSQL history tests: " + why);
            Assumptions.abort(why);
        }
        Path dir = Files.createTempDirectory("concbench-pg");
        List<String> runAs = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            String user = exitCode(List.of("id", "-u", "postgres")) == 0 ? "postgres" : "nobody";
            run(List.of("chown", "-R", user, dir.toString()));
            runAs.addAll(List.of("runuser", "-u", user, "--"));
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PostgresCluster cluster = new PostgresCluster(dir, bin.get(), port, runAs);
        cluster.pg("initdb", "-D", dir.resolve("data").toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                "--no-sync", "--no-instructions");
        cluster.pg("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w",
                "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        return cluster;
    }

    /** A new, empty database in this cluster, as a JDBC URL. */
    String newDatabase() throws SQLException {
        String name = "history_" + databases.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres")); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        return url(name);
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=" + USER;
    }

    /** Stops the server (immediately: its data is thrown away) and deletes its directory. */
    void stop() throws Exception {
        try {
            pg("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Optional<Path> binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> b.getParent().getFileName().toString()));
        }
    }

    private void pg(String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>(runAs);
        command.add(bin.resolve(tool).toString());
        command.addAll(List.of(args));
        run(command);
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static int exitCode(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
