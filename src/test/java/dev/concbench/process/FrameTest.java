package dev.concbench.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The wire format over a real pipe: round trips, and corrupt input rejected with the rule and value. */
@Timeout(5)
class FrameTest {

    private Pipe pipe;

    @BeforeEach
    void openPipe() throws IOException {
        pipe = Pipe.open();
    }

    @AfterEach
    void closePipe() throws IOException {
        pipe.sink().close();
        pipe.source().close();
    }

    @Test
    void everyKindSurvivesARoundTrip() throws IOException {
        List<Frame> frames = List.of(Frame.hello(4242), Frame.task(7, "burn", "1000"),
                Frame.result(7, 123_456, "ünïcode ✓"), Frame.error(8, 9, new IllegalStateException("no")),
                Frame.result(9, 0, null));
        for (Frame frame : frames) {
            frame.writeTo(pipe.sink());
        }

        for (Frame frame : frames) {
            Frame read = Frame.readFrom(pipe.source());
            assertEquals(frame, read);
        }
    }

    @Test
    void anErrorFrameCarriesClassAndMessage() throws IOException {
        Frame.error(3, 0, new IllegalArgumentException()).writeTo(pipe.sink());

        Frame read = Frame.readFrom(pipe.source());

        assertEquals(Frame.Kind.ERROR, read.kind());
        assertEquals("java.lang.IllegalArgumentException", read.text1());
        assertEquals("", read.text2());
    }

    @Test
    void aLengthBeyondTheLimitIsRejectedWithTheRule() throws IOException {
        pipe.sink().write(ByteBuffer.allocate(4).putInt(Frame.MAX_LENGTH + 1).flip());

        IOException e = assertThrows(IOException.class, () -> Frame.readFrom(pipe.source()));

        assertEquals("frame length must be between 25 and " + Frame.MAX_LENGTH + " bytes, was "
                + (Frame.MAX_LENGTH + 1), e.getMessage());
    }

    @Test
    void anUnknownKindIsRejected() throws IOException {
        // The rest of the 25-byte body is zeros: only the kind is wrong.
        pipe.sink().write(ByteBuffer.allocate(4 + 25).putInt(25).put((byte) 9).clear());

        IOException e = assertThrows(IOException.class, () -> Frame.readFrom(pipe.source()));

        assertEquals("frame kind must be between 1 and 4, was 9", e.getMessage());
    }

    @Test
    void aTextLongerThanItsFrameIsRejected() throws IOException {
        pipe.sink().write(ByteBuffer.allocate(4 + 25).putInt(25).put((byte) 2).putLong(1).putLong(0).putInt(99)
                .putInt(0).flip());

        IOException e = assertThrows(IOException.class, () -> Frame.readFrom(pipe.source()));

        assertEquals("text length must be between 0 and 4, was 99", e.getMessage());
    }

    @Test
    void aPeerThatClosesMidFrameIsAnEof() throws IOException {
        pipe.sink().write(ByteBuffer.allocate(6).putInt(40).putShort((short) 0x0201).flip());
        pipe.sink().close();

        assertThrows(EOFException.class, () -> Frame.readFrom(pipe.source()));
    }
}
