package dev.concbench.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the namespace tests run: from privilege and tools only, and always as root under CI. */
class NamespaceSupportTest {

    @Test
    void withThePrivilegeAndTheToolsTheTestsRun() {
        assertEquals(Optional.empty(), NamespaceSupport.decide(false, true, Optional.empty(), true, true));
    }

    @Test
    void aMissingPrivilegeOrToolSkipsThemOutsideCi() {
        Optional<String> why = NamespaceSupport.decide(false, false, Optional.of("root or CAP_NET_ADMIN"), true, true);
        assertEquals(Optional.of("root or CAP_NET_ADMIN"), why);
        assertTrue(NamespaceSupport.decide(false, true, Optional.empty(), false, true).orElseThrow().contains("namespaces"));
        assertTrue(NamespaceSupport.decide(false, true, Optional.empty(), true, false).orElseThrow().contains("/dev/net/tun"));
    }

    @Test
    void asRootUnderCiTheyAlwaysRun() {
        assertEquals(Optional.empty(), NamespaceSupport.decide(true, true, Optional.of("iproute2's tc"), false, false));
        // CI without root still skips: the privilege is what CI must give
        assertTrue(NamespaceSupport.decide(true, false, Optional.of("root or CAP_NET_ADMIN"), true, true).isPresent());
    }
}
