package dev.concbench.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Environment variables a benchmark's forks must start with, as {@code NAME=value}: settings a JVM
 * flag cannot give, read by the C library when the fork's process starts (e.g. glibc's tunables).
 * JMH forks inherit the run's environment and has no option to add to it, so the run starts such
 * forks through a launcher that sets these and then runs the JVM ({@code run.ForkLauncher}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ForkEnvironment {

    /** The variables, each {@code NAME=value}. */
    String[] value();
}
