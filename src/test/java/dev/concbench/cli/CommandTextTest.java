package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.junit.jupiter.api.Test;

class CommandTextTest {

    @Test
    void aFlagWithoutAValueIsWrittenBareAndADatabasePasswordNever() throws Exception {
        Options o = new Options()
                .addOption(Option.builder().longOpt("profile").hasArg().get())
                .addOption(Option.builder().longOpt("no-python").get())
                .addOption(Option.builder().longOpt("out").hasArg().get())
                .addOption(Option.builder().longOpt("db").hasArg().get());
        var line = new DefaultParser().parse(o, new String[] {"--profile", "smoke", "--no-python", "--out", "my runs",
            "--db", "jdbc:postgresql://h/db?user=u&password=secret"});
        String text = CommandText.of("run", line);
        assertEquals(true, text.startsWith("run-bench.sh run --profile smoke --no-python --out 'my runs' --db "), text);
        assertEquals(false, text.contains("secret") || text.contains("null"), text);
    }
}
