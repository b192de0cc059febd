package dev.concbench.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.x head as text lines: the start line (request line or status line) and the header
 * field lines after it, each parsed by {@link Field#parse} when the caller reaches it (so errors
 * come in line order).
 *
 * @param startLine  the first line, or {@code null} when the head had no line at all (only CRLFCRLF)
 * @param fieldLines the lines after it, without their CRLF
 */
public record HttpHead(String startLine, List<String> fieldLines) {

    /** One header field: {@code name} lower-cased, {@code value} trimmed. */
    public record Field(String name, String value) {

        /**
         * Parses one of {@link #fieldLines()}.
         *
         * @throws MalformedHeadException for a line without a name before its colon, or whose name is not
         *     an RFC 9110 token: whitespace before the colon ({@code "Host : x"}) and folded lines are
         *     refused, as RFC 9112 section 5.1 requires of a server
         */
        public static Field parse(String line) throws MalformedHeadException {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedHeadException("bad header line '" + line + "'");
            }
            for (int i = 0; i < colon; i++) {
                if (!isTokenChar(line.charAt(i))) {
                    throw new MalformedHeadException("bad header name '" + line.substring(0, colon)
                            + "' (a token: no whitespace before the colon)");
                }
            }
            return new Field(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }

        /** RFC 9110 tchar: a visible ASCII character other than a delimiter. */
        private static boolean isTokenChar(char c) {
            return c > 0x20 && c < 0x7f && "\"(),/:;<=>?@[\\]{}".indexOf(c) < 0;
        }
    }

    /** Splits {@code text}, a head up to and including its blank line, into lines. */
    public static HttpHead of(String text) {
        // String.split would compile a regex for the two-character separator on every call
        List<String> lines = new ArrayList<>(8);
        int from = 0;
        for (int crlf = text.indexOf("\r\n"); crlf >= 0; crlf = text.indexOf("\r\n", from)) {
            lines.add(text.substring(from, crlf));
            from = crlf + 2;
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        // as split did: trailing empty lines go; a head of nothing but CRLFCRLF has no lines at all
        int n = lines.size();
        while (n > 0 && lines.get(n - 1).isEmpty()) {
            n--;
        }
        if (n == 0) {
            return new HttpHead(null, List.of());
        }
        return new HttpHead(lines.get(0), List.copyOf(lines.subList(1, n)));
    }
}
