package dev.concbench.scenario;

/**
 * A scenario file that cannot be used. The message is the whole one-line report:
 * {@code <file>:<line>: <what is wrong> (<what was expected>)}.
 */
public class ScenarioException extends Exception {

    private final String file;
    private final int line;

    /**
     * @param file the file as the user would name it, e.g. {@code scenarios/x.yaml}
     * @param line the 1-based line of the offending key or value
     * @param what what is wrong and what was expected
     */
    public ScenarioException(String file, int line, String what) {
        super(file + ":" + line + ": " + what);
        this.file = file;
        this.line = line;
    }

    /** The file, as given to the parser. */
    public String file() {
        return file;
    }

    /** The 1-based line. */
    public int line() {
        return line;
    }
}
