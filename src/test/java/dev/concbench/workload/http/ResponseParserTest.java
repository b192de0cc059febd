package dev.concbench.workload.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The clients' response parser on the edge cases a socket produces: partial reads, bytes after a response, bad heads. */
class ResponseParserTest {

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aResponseArrivingOneByteAtATimeIsParsedWhole() throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        ByteBuffer all = bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello");
        boolean done = false;
        while (all.hasRemaining()) {
            assertFalse(done, "complete before its last byte");
            done = parser.feed(all.slice(all.position(), 1));
            all.position(all.position() + 1);
        }
        assertTrue(done);
        assertEquals(200, parser.response().status());
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), parser.response().body());
        assertTrue(parser.response().keepAlive());
    }

    @Test
    void bytesAfterTheResponseStayInTheBufferForTheNext() throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        ByteBuffer two = bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        assertTrue(parser.feed(two));
        assertEquals(200, parser.response().status());
        parser.reset();
        assertTrue(parser.feed(two));
        assertEquals(404, parser.response().status());
        assertFalse(parser.response().keepAlive(), "HTTP/1.0 without keep-alive must not be reused");
        assertFalse(two.hasRemaining());
    }

    @Test
    void connectionCloseIsNotKeptAlive() throws ProtocolException {
        ResponseParser parser = new ResponseParser();
        assertTrue(parser.feed(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")));
        assertFalse(parser.response().keepAlive());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\r\n\r\n",
        "SMTP 220 hello\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 OK\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 2147483647\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n",
        "HTTP/1.1 200 OK\r\nno colon\r\nContent-Length: 0\r\n\r\n",
    })
    void aResponseThisClientCannotReadIsAProtocolException(String head) {
        assertThrows(ProtocolException.class, () -> new ResponseParser().feed(bytes(head)));
    }
}
