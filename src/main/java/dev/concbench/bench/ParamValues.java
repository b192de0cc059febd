package dev.concbench.bench;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Every value a benchmark's {@code @Param} field accepts, when its {@code @Param} lists only the
 * default (JMH runs every listed value of a parameter a run does not set, so a parameter whose
 * other values are opt-in cannot list them there). The scenario parser refuses any other value
 * in a scenario file, with its line, before anything runs ({@link BenchmarkCatalog#parameterValues()}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface ParamValues {

    /** The accepted values, the {@code @Param} default among them. */
    String[] value();
}
