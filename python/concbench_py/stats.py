"""Mean and error as JMH reports them: the half-width of the 99.9% Student-t interval of the mean.

JMH (org.openjdk.jmh.util.AbstractStatistics.getConfidenceIntervalAt(0.999)) takes
t = TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - 0.999) / 2) and returns
mean -/+ t * stdev / sqrt(n), stdev with n - 1 in the denominator. The same here, with the t
quantile found by bisection on the t CDF (a regularised incomplete beta, as Commons Math computes it).
"""
import math
import statistics

CONFIDENCE = 0.999


def _betacf(a, b, x):
    """The continued fraction of the incomplete beta function (Lentz's method)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def _betai(a, b, x):
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    lbt = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1) / (a + b + 2):
        return math.exp(lbt) * _betacf(a, b, x) / a
    return 1.0 - math.exp(lbt) * _betacf(b, a, 1 - x) / b


def t_cdf(t, df):
    """P(T <= t) for Student's t with df degrees of freedom."""
    x = df / (df + t * t)
    tail = 0.5 * _betai(df / 2.0, 0.5, x)
    return 1 - tail if t >= 0 else tail


def t_quantile(p, df):
    """The t with P(T <= t) = p, for p in (0.5, 1): bisection to 1e-12."""
    lo, hi = 0.0, 1.0
    while t_cdf(hi, df) < p:
        hi *= 2
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
        if hi - lo < 1e-12:
            break
    return (lo + hi) / 2


def half_width(values, confidence=CONFIDENCE):
    """The half-width of the mean's confidence interval; NaN for fewer than 2 values (as JMH)."""
    n = len(values)
    if n < 2:
        return float("nan")
    t = t_quantile(1 - (1 - confidence) / 2, n - 1)
    return t * statistics.stdev(values) / math.sqrt(n)


def summarise(values):
    """(mean, error) of per-sample values."""
    return statistics.fmean(values), half_width(values)
