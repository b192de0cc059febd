import math
import unittest

from concbench_py import stats


class StatsTest(unittest.TestCase):
    # two-sided 99.9% Student-t quantiles (t at 0.9995), from published tables
    TABLE = {1: 636.619, 2: 31.599, 3: 12.924, 4: 8.610, 9: 4.781, 19: 3.883, 29: 3.659, 120: 3.373}

    def test_t_quantile_matches_the_published_table(self):
        for df, t in self.TABLE.items():
            self.assertAlmostEqual(stats.t_quantile(0.9995, df), t, delta=0.001 * t, msg="df=%d" % df)

    def test_t_cdf_is_symmetric_and_centred(self):
        self.assertAlmostEqual(stats.t_cdf(0, 5), 0.5)
        self.assertAlmostEqual(stats.t_cdf(2, 7) + stats.t_cdf(-2, 7), 1.0)

    def test_half_width_is_jmh_convention(self):
        values = [10.0, 12.0, 11.0, 13.0]
        sd = math.sqrt(sum((v - 11.5) ** 2 for v in values) / 3)
        self.assertAlmostEqual(stats.half_width(values), 12.924 * sd / 2, delta=0.01)

    def test_one_sample_has_no_error(self):
        self.assertTrue(math.isnan(stats.half_width([3.0])))

    def test_equal_samples_have_zero_error(self):
        self.assertEqual(stats.summarise([2.0, 2.0, 2.0]), (2.0, 0.0))


if __name__ == "__main__":
    unittest.main()
