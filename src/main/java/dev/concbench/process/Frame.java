package dev.concbench.process;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * One message between the parent and a worker, and its wire format.
 *
 * <p>Every frame has the same layout, all integers big-endian:
 * <pre>
 * int32  length of everything after this field, in bytes (at most {@link #MAX_LENGTH})
 * int8   kind: 1 HELLO, 2 TASK, 3 RESULT, 4 ERROR
 * int64  id: the task id (HELLO: the worker's pid)
 * int64  nanos: RESULT and ERROR: how long the function ran in the worker; otherwise 0
 * int32  length of text1, then text1 in UTF-8: TASK the function name, RESULT the value,
 *        ERROR the exception's class name, HELLO empty
 * int32  length of text2, then text2 in UTF-8: TASK the argument, ERROR the message, otherwise empty
 * </pre>
 * A fixed explicit layout (not Java serialisation) keeps the worker free of class-compatibility
 * questions and makes a truncated or corrupt frame detectable by its length.
 *
 * @param kind what the frame says
 * @param id the task id, or the worker's pid in a HELLO
 * @param nanos the function's run time in the worker, in nanoseconds (RESULT, ERROR), else 0
 * @param text1 see the layout above; never null
 * @param text2 see the layout above; never null
 */
record Frame(Kind kind, long id, long nanos, String text1, String text2) {

    /** The largest frame body accepted, in bytes: a bound so a corrupt length cannot exhaust memory. */
    static final int MAX_LENGTH = 64 * 1024 * 1024;

    private static final int FIXED_PART = 1 + 8 + 8 + 4 + 4;

    enum Kind {
        HELLO, TASK, RESULT, ERROR;

        byte code() {
            return (byte) (ordinal() + 1);
        }

        static Kind of(byte code) throws IOException {
            Kind[] kinds = values();
            if (code < 1 || code > kinds.length) {
                throw new IOException("frame kind must be between 1 and " + kinds.length + ", was " + code);
            }
            return kinds[code - 1];
        }
    }

    static Frame hello(long pid) {
        return new Frame(Kind.HELLO, pid, 0, "", "");
    }

    static Frame task(long id, String function, String argument) {
        return new Frame(Kind.TASK, id, 0, function, argument);
    }

    static Frame result(long id, long nanos, String value) {
        return new Frame(Kind.RESULT, id, nanos, value == null ? "" : value, "");
    }

    static Frame error(long id, long nanos, Exception e) {
        String message = e.getMessage();
        return new Frame(Kind.ERROR, id, nanos, e.getClass().getName(), message == null ? "" : message);
    }

    /**
     * Writes this frame; the channel must be in blocking mode. Callers serialise writes to one
     * channel (each side has at most one writer per channel).
     */
    void writeTo(WritableByteChannel channel) throws IOException {
        byte[] one = text1.getBytes(StandardCharsets.UTF_8);
        byte[] two = text2.getBytes(StandardCharsets.UTF_8);
        long length = (long) FIXED_PART + one.length + two.length;
        if (length > MAX_LENGTH) {
            throw new IOException("frame length must be <= " + MAX_LENGTH + " bytes, was " + length);
        }
        ByteBuffer buffer = ByteBuffer.allocate(4 + (int) length)
                .putInt((int) length).put(kind.code()).putLong(id).putLong(nanos)
                .putInt(one.length).put(one).putInt(two.length).put(two)
                .flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /**
     * Reads one frame from a blocking channel.
     *
     * @throws EOFException when the peer closed the connection (at a frame boundary or inside one)
     * @throws IOException on a malformed frame or an I/O error
     */
    static Frame readFrom(ReadableByteChannel channel) throws IOException {
        int length = readFully(channel, ByteBuffer.allocate(4)).getInt();
        if (length < FIXED_PART || length > MAX_LENGTH) {
            throw new IOException("frame length must be between " + FIXED_PART + " and " + MAX_LENGTH
                    + " bytes, was " + length);
        }
        ByteBuffer body = readFully(channel, ByteBuffer.allocate(length));
        Kind kind = Kind.of(body.get());
        long id = body.getLong();
        long nanos = body.getLong();
        return new Frame(kind, id, nanos, text(body), text(body));
    }

    private static String text(ByteBuffer body) throws IOException {
        int size = body.getInt();
        if (size < 0 || size > body.remaining()) {
            throw new IOException("text length must be between 0 and " + body.remaining() + ", was " + size);
        }
        String text = new String(body.array(), body.position(), size, StandardCharsets.UTF_8);
        body.position(body.position() + size);
        return text;
    }

    private static ByteBuffer readFully(ReadableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new EOFException("connection closed by peer");
            }
        }
        return buffer.flip();
    }
}
