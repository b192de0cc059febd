package dev.concbench.regress;

import dev.concbench.results.Direction;
import dev.concbench.results.ResultRow;
import dev.concbench.results.RowComparison;
import dev.concbench.results.Status;
import java.util.List;
import java.util.Locale;

/**
 * The verdict on a row whose two sides both have raw samples from enough forks
 * ({@link BootstrapRatio}): a change counts only when the ratio's whole confidence interval lies
 * beyond the threshold, so a row regresses when even the interval's most favourable end is worse
 * by more than the threshold. Stateless.
 */
final class SampleVerdict {

    private SampleVerdict() {
    }

    static RowComparison judged(ResultRow b, ResultRow c, BootstrapRatio r, double threshold, List<String> guards) {
        Status status = status(r, c.better(), threshold);
        String statistic = String.format(Locale.ROOT, "bootstrap of %s, %d+%d forks, %.0f%%", quantileName(r.quantile()),
                b.perFork().size(), c.perFork().size(), r.confidence() * 100);
        return new RowComparison(c.key(), c.scenario(), c.benchmark(), c.model(), c.params(), c.metric(), c.unit(),
                c.better(), b, c, null, r.ratio(), Double.NaN, Double.NaN, threshold, r.low(), r.high(),
                detectable(r, c.better(), threshold), statistic, status,
                status == Status.REGRESSED && guards.isEmpty(), guards, ChangeText.change(r, c.better(), c.unit()), "");
    }

    /**
     * Regressed when the interval lies wholly beyond {@code 1 + threshold} in the worse direction,
     * improved when wholly beyond it in the better one; a neutral metric changed either way.
     */
    static Status status(BootstrapRatio r, Direction better, double threshold) {
        boolean up = r.low() > 1 + threshold;
        boolean down = r.high() < 1 / (1 + threshold);
        if (!up && !down) {
            return Status.UNCHANGED;
        }
        if (better == Direction.NEUTRAL) {
            return Status.CHANGED;
        }
        return up == (better == Direction.LOWER_IS_BETTER) ? Status.REGRESSED : Status.IMPROVED;
    }

    /**
     * The smallest worsening this row could have flagged, as a fraction: the interval's width on the
     * favourable side, kept as it is, moved until its end reaches {@code 1 + threshold}.
     */
    static double detectable(BootstrapRatio r, Direction better, double threshold) {
        double up = r.low() > 0 ? (1 + threshold) * r.ratio() / r.low() - 1 : Double.POSITIVE_INFINITY;
        double down = r.ratio() > 0 ? (1 + threshold) * r.high() / r.ratio() - 1 : Double.POSITIVE_INFINITY;
        return switch (better) {
            case LOWER_IS_BETTER -> up;
            case HIGHER_IS_BETTER -> down;
            case NEUTRAL -> Math.max(up, down);
        };
    }

    private static String quantileName(double q) {
        return q == 0.5 ? "medians" : q < 0.5 ? "lower deciles" : "upper deciles";
    }
}
