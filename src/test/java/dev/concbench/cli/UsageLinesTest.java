package dev.concbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.cli.Option;
import org.junit.jupiter.api.Test;

/** Every command's usage line names every flag the command takes, so {@code --help} hides none. */
class UsageLinesTest {

    @Test
    void everyFlagIsInItsCommandsUsageLine() {
        List<String> hidden = new ArrayList<>();
        for (Command command : Main.contract()) {
            for (Option option : command.options().getOptions()) {
                if (option.getLongOpt() == null || option.getLongOpt().equals("help")) {
                    continue;
                }
                String flag = "--" + option.getLongOpt();
                if (!Pattern.compile(Pattern.quote(flag) + "(?![\\w-])").matcher(command.usage()).find()) {
                    hidden.add(command.name() + ": " + flag + " is not in its usage line: " + command.usage());
                }
            }
        }
        assertEquals(List.of(), hidden);
    }
}
