package org.delphipanel.stats;

/**
 * Sample quantile definitions of Hyndman &amp; Fan (1996), "Sample quantiles in statistical packages",
 * The American Statistician 50(4), doi:10.1080/00031305.1996.10473566.
 *
 * <p>With the sorted sample x(1) &lt;= ... &lt;= x(n) and probability p, each type picks a real
 * position h and interpolates linearly between x(floor h) and x(floor h + 1); positions outside
 * [1, n] are clamped to the extremes.
 */
public enum QuantileType {
    /** h = (n + 1) p. SPSS and Minitab; also Commons Math 3.6.1's default {@code Percentile}. */
    TYPE_6(6),
    /** h = (n - 1) p + 1. R's default ({@code quantile(type = 7)}), numpy's default, Excel's PERCENTILE.INC. */
    TYPE_7(7);

    private final int number;

    QuantileType(int number) {
        this.number = number;
    }

    /** The Hyndman-Fan number, as R's {@code type} argument names it. */
    public int number() {
        return number;
    }

    /** The type for a Hyndman-Fan number; only 6 and 7 are offered. */
    public static QuantileType of(int number) {
        for (QuantileType type : values()) {
            if (type.number == number) {
                return type;
            }
        }
        throw new IllegalArgumentException("quantile type must be 6 or 7, was " + number);
    }

    /** The 1-based position h for probability p in a sample of n values, before clamping. */
    double position(int n, double p) {
        return switch (this) {
            case TYPE_6 -> (n + 1) * p;
            case TYPE_7 -> (n - 1) * p + 1;
        };
    }
}
