package org.workhealth.funding.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.regex.Pattern;

import org.workhealth.govuk.Answers;

/** Money is kept in pence, as a long; these read pounds as typed and show pence as pounds. */
public final class Money {

    private static final Pattern POUNDS_AND_PENCE = Pattern.compile("\\d{1,11}(\\.\\d{2})?");
    private static final Pattern WHOLE_POUNDS = Pattern.compile("\\d{1,11}");

    private Money() {
    }

    /** 43292700 is "£432,927.00"; -51538 is "−£515.38" (with a minus sign, as GOV.UK style writes it). */
    public static String format(long pence) {
        DecimalFormat format = new DecimalFormat("£#,##0.00", DecimalFormatSymbols.getInstance(Locale.UK));
        String text = format.format(BigDecimal.valueOf(Math.abs(pence), 2));
        return pence < 0 ? "\u2212" + text : text;
    }

    /** Whole pounds with commas, as allocations are written: 43292700 pence is "£432,927". */
    public static String formatWholePounds(long pence) {
        DecimalFormat format = new DecimalFormat("£#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        return format.format(BigDecimal.valueOf(pence, 2));
    }

    /** Pounds as BigDecimal, for spreadsheets that must sum exactly. */
    public static BigDecimal pounds(long pence) {
        return BigDecimal.valueOf(pence, 2);
    }

    /**
     * An amount typed in pounds, like "1,200", "£95,000" or "515.38", in pence; null when it is not one.
     * Commas and a leading £ are allowed; pence, when given, are two digits.
     */
    public static Long parsePence(String answer) {
        String digits = clean(answer);
        if (digits == null || !POUNDS_AND_PENCE.matcher(digits).matches()) {
            return null;
        }
        return new BigDecimal(digits).movePointRight(2).longValueExact();
    }

    /** An amount in whole pounds, in pence; null when it is not one (for example it has pence). */
    public static Long parseWholePounds(String answer) {
        String digits = clean(answer);
        if (digits == null || !WHOLE_POUNDS.matcher(digits).matches()) {
            return null;
        }
        return Long.parseLong(digits) * 100;
    }

    private static String clean(String answer) {
        if (Answers.blank(answer)) {
            return null;
        }
        return answer.strip().replaceFirst("^£", "").replace(",", "").strip();
    }
}
