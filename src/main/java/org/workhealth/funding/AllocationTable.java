package org.workhealth.funding;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.workhealth.funding.internal.Money;

/**
 * An allocation's table: a row per locality and a totals row. The shares of population are rounded to
 * hundredths of a percent by the same largest remainder rule as the money, so that column adds up to
 * 100.00% just as the money columns add up to the pot.
 */
record AllocationTable(List<Row> rows, Row totals) {

    record Row(String locality, long population, long percentHundredths, long sharePence, long basicPence,
            long performancePence) {

        public String populationText() {
            return NumberFormat.getIntegerInstance(Locale.UK).format(population);
        }

        public String percentText() {
            return percentNumber() + "%";
        }

        /** For spreadsheets: 12.34 */
        public String percentNumber() {
            return BigDecimal.valueOf(percentHundredths, 2).toPlainString();
        }

        public String shareText() {
            return Money.formatWholePounds(sharePence);
        }

        public String basicText() {
            return Money.formatWholePounds(basicPence);
        }

        public String performanceText() {
            return Money.formatWholePounds(performancePence);
        }
    }

    static AllocationTable of(List<AllocationShare> shares) {
        List<Long> percents = AllocationArithmetic.percentHundredths(
                shares.stream().map(AllocationShare::population).toList());
        List<Row> rows = new ArrayList<>(shares.size());
        long population = 0;
        long share = 0;
        long basic = 0;
        long performance = 0;
        for (int i = 0; i < shares.size(); i++) {
            AllocationShare s = shares.get(i);
            rows.add(new Row(s.localityName(), s.population(), percents.get(i), s.sharePence(), s.basicPence(),
                    s.performancePence()));
            population += s.population();
            share += s.sharePence();
            basic += s.basicPence();
            performance += s.performancePence();
        }
        return new AllocationTable(List.copyOf(rows), new Row("Total", population, 10_000, share, basic,
                performance));
    }
}
