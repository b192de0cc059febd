package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concbench.server.DelayServerMain;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code server --host 0.0.0.0}: one warning line that every interface listens, and a URL one can use. */
class ServerWildcardTest {

    @Test
    @Timeout(60)
    void theWildcardWarnsOnceAndPrintsAUsableUrl() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "server", "--host", "0.0.0.0",
                "--port", "0").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertTrue(ready != null && ready.startsWith(DelayServerMain.READY_PREFIX), "printed: " + ready);
            String url = ready.substring(DelayServerMain.READY_PREFIX.length());
            assertTrue(!url.contains("0.0.0.0"), "a URL one can connect to, not the wildcard: " + url);
            String warning = err.readLine();
            assertTrue(warning != null && warning.contains("warning") && warning.contains("every network interface"),
                    "one warning line: " + warning);
            HttpResponse<String> root = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, root.statusCode());
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    @Test
    @Timeout(60)
    void aNonLoopbackAddressWarnsOnceThatOthersCanReachIt() throws Exception {
        java.util.Optional<String> address = java.net.NetworkInterface.networkInterfaces()
                .flatMap(java.net.NetworkInterface::inetAddresses)
                .filter(a -> a instanceof java.net.Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .map(java.net.InetAddress::getHostAddress).findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(address.isPresent(), "SKIPPED: this machine has no non-loopback IPv4 address");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "server", "--host", address.get(),
                "--port", "0").start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String ready = out.readLine();
            assertTrue(ready != null && ready.contains(address.get()), "printed: " + ready);
            String warning = err.readLine();
            assertTrue(warning != null && warning.contains("warning") && warning.contains("not a loopback address"),
                    "one warning line: " + warning);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }
}
