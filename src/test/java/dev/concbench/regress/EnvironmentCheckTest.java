package dev.concbench.regress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnvironmentCheckTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Eclipse Adoptium 25.0.1+8-LTS; 25",
            "Oracle Corporation 21; 21",
            "OpenJDK 64-Bit Server VM 17.0.9+9; 17",
            "a JVM without a version; a JVM without a version",
    })
    void theJdkFeatureReleaseComesFromTheVersionWord(String jdk, String major) {
        assertEquals(major, EnvironmentCheck.jdkMajor(jdk));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Eclipse Adoptium 25.0.1+8-LTS; Eclipse Adoptium 25.0.3+9-LTS; 2; ",
            "Eclipse Adoptium 25.0.1+8-LTS; Eclipse Adoptium 21.0.5+11-LTS; 2; JDK: 25 (baseline) vs 21 (current)",
            "Eclipse Adoptium 25.0.1+8-LTS; Eclipse Adoptium 25.0.1+8-LTS; 8; cores: 2 (baseline) vs 8 (current)",
    })
    void onlyTheFeatureReleaseAndTheCoreCountMatterHere(String jdkA, String jdkB, int coresB, String difference) {
        List<String> d = EnvironmentCheck.differences("smoke", Fixtures.env(2, jdkA), "smoke", Fixtures.env(coresB, jdkB));
        assertEquals(difference == null ? List.of() : List.of(difference), d);
    }
}
