package dev.concbench.report;

/**
 * One chart written beside the report.
 *
 * @param name    the file name without extension, also the page anchor ({@code #chart-<name>})
 * @param title   the heading shown above it
 * @param caption what it shows and how to read it, with the units
 * @param png     the PNG file's name, relative to the report
 * @param svg     the SVG file's name, relative to the report
 */
public record Figure(String name, String title, String caption, String png, String svg) {

    /** The page anchor, e.g. {@code chart-memory-per-unit}. */
    public String anchor() {
        return "chart-" + name;
    }
}
