package dev.concbench.net;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Whether this test process may create network namespaces (root or CAP_NET_ADMIN, iproute2, a
 * kernel that lets it): the namespace tests run only then and are skipped loudly otherwise, with
 * the reason on stderr and in JUnit's skip message.
 */
public final class NamespaceSupport {

    private static volatile Optional<String> why;

    private NamespaceSupport() {
    }

    /** Skips the calling test, loudly, when namespaces cannot be made here. */
    public static void assumeNamespaces() {
        Optional<String> missing = missing();
        if (missing.isPresent()) {
            String text = "SKIPPED: network namespace tests need " + missing.get();
            System.err.println(text);
            Assumptions.assumeTrue(false, text);
        }
    }

    private static synchronized Optional<String> missing() {
        if (why == null) {
            Optional<String> tools = NetnsLink.missing();
            if (tools.isPresent()) {
                why = tools;
            } else {
                try (NetnsLink probe = NetnsLink.open(new NetworkProfile("probe", 0, 0, 0))) {
                    why = Optional.empty();
                } catch (NetworkException e) {
                    why = Optional.of("a namespace this process can create (" + e.getMessage() + ")");
                }
            }
        }
        return why;
    }
}
