package org.workhealth.performance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Where green and amber start, as percentages of the forecast (by default green from 100%, amber
 * from 90%, red below).
 */
public record RagThreshold(BigDecimal greenFromPercent, BigDecimal amberFromPercent) {

    public static final RagThreshold DEFAULT = new RagThreshold(new BigDecimal("100.0"), new BigDecimal("90.0"));

    public RagThreshold {
        if (amberFromPercent.signum() <= 0 || amberFromPercent.compareTo(greenFromPercent) > 0) {
            throw new IllegalArgumentException("Amber must start above 0% and at or below where green starts");
        }
    }

    /** The rating of {@code actual} against {@code forecast}; a forecast of 0 is met by anything. */
    public Rag rate(BigDecimal actual, BigDecimal forecast) {
        if (actual == null || forecast == null) {
            return Rag.NONE;
        }
        if (forecast.signum() == 0) {
            return Rag.GREEN;
        }
        // Exact comparison, no rounding: 89.99% is not amber when amber starts at 90%.
        BigDecimal percent = actual.multiply(BigDecimal.valueOf(100)).divide(forecast, 10, RoundingMode.HALF_UP);
        if (percent.compareTo(greenFromPercent) >= 0) {
            return Rag.GREEN;
        }
        return percent.compareTo(amberFromPercent) >= 0 ? Rag.AMBER : Rag.RED;
    }
}
