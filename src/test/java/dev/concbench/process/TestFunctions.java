package dev.concbench.process;

/**
 * Worker functions for the process-pool tests, registered in
 * {@code src/test/resources/META-INF/services/dev.concbench.process.WorkerFunction}.
 */
public final class TestFunctions {

    private TestFunctions() {
    }

    /** The name part every test function shares; {@link java.util.ServiceLoader} needs no-arg subclasses. */
    abstract static class Named implements WorkerFunction {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public final String name() {
            return name;
        }
    }

    /** Returns its argument. */
    public static final class Echo extends Named {
        public Echo() {
            super("echo");
        }

        @Override
        public String apply(String argument) {
            return argument;
        }
    }

    /** Sleeps {@code argument} milliseconds, then returns the worker's pid. */
    public static final class Sleep extends Named {
        public Sleep() {
            super("sleep");
        }

        @Override
        public String apply(String argument) throws InterruptedException {
            Thread.sleep(Long.parseLong(argument));
            return Long.toString(ProcessHandle.current().pid());
        }
    }

    /** Throws an {@link IllegalStateException} whose message is the argument. */
    public static final class Fail extends Named {
        public Fail() {
            super("fail");
        }

        @Override
        public String apply(String argument) {
            throw new IllegalStateException(argument);
        }
    }

    /** Halts the worker JVM with the argument as exit status: a crash as the parent sees it. */
    public static final class Halt extends Named {
        public Halt() {
            super("halt");
        }

        @Override
        public String apply(String argument) {
            Runtime.getRuntime().halt(Integer.parseInt(argument));
            throw new AssertionError("Runtime.halt returned");
        }
    }

    /** The seed's CPU burn: the sum of {@code i * i} for i below the argument. */
    public static final class Burn extends Named {
        public Burn() {
            super("burn");
        }

        @Override
        public String apply(String argument) {
            long n = Long.parseLong(argument);
            long sum = 0;
            for (long i = 0; i < n; i++) {
                sum += i * i;
            }
            return Long.toString(sum);
        }
    }
}
