package org.workhealth.trial.employer;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Money in pence, shown as pounds, and pounds typed as "1,500" or "1500.50" read exactly into pence. */
final class Pounds {

    static final long MAX_PENCE = 100_000_000L;

    private Pounds() {
    }

    static String format(long pence) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        return format.format(BigDecimal.valueOf(pence, 2));
    }

    /** The pence, or null when the text is not an amount of money from 1p to £1,000,000 in pounds and pence. */
    static Long parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip().replace(",", "");
        if (t.startsWith("£")) {
            t = t.substring(1);
        }
        if (!t.matches("\\d{1,7}(\\.\\d{2})?")) {
            return null;
        }
        long pence = new BigDecimal(t).movePointRight(2).longValueExact();
        return pence < 1 || pence > MAX_PENCE ? null : pence;
    }
}
