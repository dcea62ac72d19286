package org.workhealth.performance.internal;

/**
 * A quarter's forecast as the commissioner set it.
 *
 * @param forecast the number expected in the quarter; null when the forecast is "as left" or not set
 * @param asLeft   the forecast is whatever is left of the target: the total less the baseline and the
 *                 quarters before (their actual once finished, their forecast until then), never below 0
 */
public record KpiForecast(int quarter, Integer forecast, boolean asLeft) {

    public KpiForecast {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("Quarter must be 1 to 4: " + quarter);
        }
        if (asLeft && forecast != null) {
            throw new IllegalArgumentException("A forecast is either a number or as left");
        }
        if (forecast != null && forecast < 0) {
            throw new IllegalArgumentException("A forecast cannot be negative");
        }
    }

    public static KpiForecast of(int quarter, int forecast) {
        return new KpiForecast(quarter, forecast, false);
    }

    public static KpiForecast asLeft(int quarter) {
        return new KpiForecast(quarter, null, true);
    }

    public static KpiForecast none(int quarter) {
        return new KpiForecast(quarter, null, false);
    }

    public boolean set() {
        return asLeft || forecast != null;
    }
}
