package dev.concbench.net;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

/**
 * One Linux TUN device (layer 3, no packet information header), opened through libc with the FFM
 * API: {@code open("/dev/net/tun")} and {@code ioctl(TUNSETIFF)}. The device exists while this
 * object is open and vanishes when it is closed or the process dies (it is not persistent), even
 * after it was moved into another network namespace.
 *
 * <p>Threading: {@link #poll} and {@link #read} from one thread, {@link #write} from any (a write
 * of one packet is one system call); {@link #close()} once the others stopped.
 */
final class TunDevice implements AutoCloseable {

    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;
    private static final int O_RDWR = 2;
    private static final int O_NONBLOCK = 04000;
    private static final short POLLIN = 1;
    private static final int IFREQ_SIZE = 40;
    private static final int NAME_SIZE = 16;

    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = call("open", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT));
    private static final MethodHandle IOCTL = LINKER.downcallHandle(LINKER.defaultLookup().find("ioctl").orElseThrow(),
            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_LONG, ADDRESS), Linker.Option.firstVariadicArg(2));
    private static final MethodHandle READ = call("read", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle WRITE = call("write", FunctionDescriptor.of(JAVA_LONG, JAVA_INT, ADDRESS, JAVA_LONG));
    private static final MethodHandle POLL = call("poll", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, JAVA_INT));
    private static final MethodHandle CLOSE = call("close", FunctionDescriptor.of(JAVA_INT, JAVA_INT));

    private final int fd;
    private final String name;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment readBuffer;
    private final MemorySegment pollFd;

    private TunDevice(int fd, String name) {
        this.fd = fd;
        this.name = name;
        this.readBuffer = arena.allocate(65_536);
        this.pollFd = arena.allocate(8);
        pollFd.set(JAVA_INT, 0, fd);
        pollFd.set(JAVA_SHORT, 4, POLLIN);
    }

    private static MethodHandle call(String symbol, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(symbol).orElseThrow(), descriptor);
    }

    /**
     * Creates TUN device {@code name} (at most 15 characters) in this process's network namespace.
     *
     * @throws NetworkException when /dev/net/tun cannot be opened or the device not created
     */
    static TunDevice create(String name) throws NetworkException {
        try (Arena a = Arena.ofConfined()) {
            int fd = (int) OPEN.invokeExact(a.allocateFrom("/dev/net/tun"), O_RDWR | O_NONBLOCK);
            if (fd < 0) {
                throw new NetworkException("cannot open /dev/net/tun (the kernel's TUN driver) for a user-space link");
            }
            MemorySegment ifreq = a.allocate(IFREQ_SIZE);
            byte[] n = name.getBytes(StandardCharsets.US_ASCII);
            MemorySegment.copy(n, 0, ifreq, JAVA_BYTE_LAYOUT, 0, Math.min(n.length, NAME_SIZE - 1));
            ifreq.set(JAVA_SHORT, NAME_SIZE, (short) (IFF_TUN | IFF_NO_PI));
            if ((int) IOCTL.invokeExact(fd, TUNSETIFF, ifreq) < 0) {
                int ignored = (int) CLOSE.invokeExact(fd);
                throw new NetworkException("cannot create TUN device " + name + " (ioctl TUNSETIFF failed)");
            }
            return new TunDevice(fd, name);
        } catch (NetworkException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("calling libc for a TUN device", t);
        }
    }

    private static final java.lang.foreign.ValueLayout.OfByte JAVA_BYTE_LAYOUT = java.lang.foreign.ValueLayout.JAVA_BYTE;

    /** The device's name. */
    String name() {
        return name;
    }

    /** Waits up to {@code timeoutMs} milliseconds for a packet to read; true when one is there. */
    boolean poll(int timeoutMs) {
        try {
            pollFd.set(JAVA_SHORT, 6, (short) 0);
            int n = (int) POLL.invokeExact(pollFd, 1L, timeoutMs);
            return n > 0 && (pollFd.get(JAVA_SHORT, 6) & POLLIN) != 0;
        } catch (Throwable t) {
            throw new IllegalStateException("poll on TUN device " + name, t);
        }
    }

    /** The next packet, or null when none is waiting. */
    byte[] read() {
        try {
            long n = (long) READ.invokeExact(fd, readBuffer, readBuffer.byteSize());
            return n <= 0 ? null : readBuffer.asSlice(0, n).toArray(JAVA_BYTE_LAYOUT);
        } catch (Throwable t) {
            throw new IllegalStateException("read from TUN device " + name, t);
        }
    }

    /** Hands one packet to the kernel as if it arrived on this device; a failure (a full queue) drops it, as a link would. */
    void write(byte[] packet) {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment s = a.allocate(packet.length);
            MemorySegment.copy(packet, 0, s, JAVA_BYTE_LAYOUT, 0, packet.length);
            long ignored = (long) WRITE.invokeExact(fd, s, (long) packet.length);
        } catch (Throwable t) {
            throw new IllegalStateException("write to TUN device " + name, t);
        }
    }

    /** Closes the file descriptor: the device vanishes. */
    @Override
    public void close() {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable t) {
            throw new IllegalStateException("close TUN device " + name, t);
        } finally {
            arena.close();
        }
    }
}
