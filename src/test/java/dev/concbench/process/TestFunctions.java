package dev.concbench.process;

/**
 * Worker functions for the process-pool tests, registered in
 * {@code src/test/resources/META-INF/services/dev.concbench.process.WorkerFunction}.
 */
public final class TestFunctions {

    private TestFunctions() {
    }

    /** Returns its argument. */
    public static final class Echo implements WorkerFunction {
        @Override
        public String name() {
            return "echo";
        }

        @Override
        public String apply(String argument) {
            return argument;
        }
    }

    /** Sleeps {@code argument} milliseconds, then returns the worker's pid. */
    public static final class Sleep implements WorkerFunction {
        @Override
        public String name() {
            return "sleep";
        }

        @Override
        public String apply(String argument) throws InterruptedException {
            Thread.sleep(Long.parseLong(argument));
            return Long.toString(ProcessHandle.current().pid());
        }
    }

    /** Throws an {@link IllegalStateException} whose message is the argument. */
    public static final class Fail implements WorkerFunction {
        @Override
        public String name() {
            return "fail";
        }

        @Override
        public String apply(String argument) {
            throw new IllegalStateException(argument);
        }
    }

    /** Halts the worker JVM with the argument as exit status: a crash as the parent sees it. */
    public static final class Halt implements WorkerFunction {
        @Override
        public String name() {
            return "halt";
        }

        @Override
        public String apply(String argument) {
            Runtime.getRuntime().halt(Integer.parseInt(argument));
            throw new AssertionError("Runtime.halt returned");
        }
    }

    /** The seed's CPU burn: the sum of {@code i * i} for i below the argument. */
    public static final class Burn implements WorkerFunction {
        @Override
        public String name() {
            return "burn";
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
