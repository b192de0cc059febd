package dev.concbench.metrics;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * What this JVM says about its threads' stacks: the stack size a new Java thread is given
 * ({@code ThreadStackSize}, i.e. {@code -Xss}, from the {@code HotSpotDiagnosticMXBean}) and, when
 * the JVM runs with {@code -XX:NativeMemoryTracking=summary}, the address space reserved for thread
 * stacks ({@code jcmd <pid> VM.native_memory summary}'s {@code Thread (stack: reserved=...)}, read
 * in-process through the {@code DiagnosticCommand} MBean). These read the JVM this code runs in:
 * a benchmark fork reports its own flags, not the run's. Any thread may call.
 */
public final class JvmStacks {

    /** NMT's thread-stack line: {@code (stack: reserved=75776KB, committed=732KB, ...)}. */
    private static final Pattern STACK_RESERVED = Pattern.compile("\\(stack: reserved=(\\d+)KB");

    private JvmStacks() {
    }

    /** The stack a new Java thread of this JVM gets ({@code ThreadStackSize}), in bytes. */
    public static long threadStackSizeBytes() {
        HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        return Long.parseLong(hotspot.getVMOption("ThreadStackSize").getValue()) * 1024;
    }

    /**
     * The address space Native Memory Tracking counts as reserved for thread stacks now, in bytes;
     * empty when this JVM does not track native memory.
     */
    public static OptionalLong nmtStackReservedBytes() {
        return stackReserved(nativeMemorySummary());
    }

    /** The thread-stack reservation in an NMT summary, in bytes; empty when it has none (NMT off). */
    static OptionalLong stackReserved(String summary) {
        Matcher m = STACK_RESERVED.matcher(summary);
        return m.find() ? OptionalLong.of(Long.parseLong(m.group(1)) * 1024) : OptionalLong.empty();
    }

    private static String nativeMemorySummary() {
        try {
            ObjectName command = new ObjectName("com.sun.management:type=DiagnosticCommand");
            return (String) ManagementFactory.getPlatformMBeanServer().invoke(command, "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
        } catch (JMException e) {
            return "";
        }
    }
}
