package org.workhealth.programme;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

/** Money entered and shown in pounds, kept in pence: exactly, with BigDecimal, never a double. */
record Pounds(Long pence, String error) {

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");
    static final String FORMAT_ERROR = "Value must be an amount in pounds, like 1,200,000 or 1,200,000.50";

    /** An optional amount such as "1200000", "1,200,000.50" or "£95,000". Blank gives no pence and no error. */
    static Pounds parse(String answer) {
        String value = Answers.clean(answer);
        if (value == null) {
            return new Pounds(null, null);
        }
        String digits = value.replaceFirst("^£", "").replace(",", "").strip();
        if (!AMOUNT.matcher(digits).matches()) {
            return new Pounds(null, FORMAT_ERROR);
        }
        return new Pounds(new BigDecimal(digits).movePointRight(2).longValueExact(), null);
    }

    /** Pence as pounds: 120000050 is "£1,200,000.50". */
    static String format(Long pence) {
        if (pence == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("£#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(BigDecimal.valueOf(pence, 2));
    }

    boolean valid() {
        return error == null;
    }
}
