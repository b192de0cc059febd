package dev.concbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The share of the machine others may take before a CPU-bound shot is contended follows what the shot used. */
class CpuContentionTest {

    @ParameterizedTest(name = "{0} of {1} CPUs used: others may take {2}")
    @CsvSource({
        "2, 2, 0.25",   // every core busy: a quarter of the machine, as before
        "1, 2, 0.625",  // the idle core is the others', plus a quarter of ours
        "4, 2, 0.25",   // more workers than cores still use only the cores there are
        "1, 1, 0.25",
        "1, 4, 0.8125",
        "0, 2, 0.625",  // a shot uses at least one CPU
    })
    void othersMayUseWhatTheShotLeavesIdleAndAQuarterOfTheRest(int used, int cores, double tolerated) {
        assertEquals(tolerated, CpuBenchmark.toleratedOthersShare(used, cores), 1e-12);
    }
}
