package org.workhealth.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.workhealth.audit.AuditLog;

/**
 * On first start, fills the empty {@code bank_holiday} table from the GOV.UK file shipped with the
 * service, so that deadlines are right from the first referral. Never again after that: from then on
 * the table belongs to administrators, and a holiday they removed must not come back on restart.
 * Runs before other start-up work (such as demo data) that may count working days.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BankHolidayLoader implements ApplicationRunner {

    static final String SHIPPED_FILE = "calendar/bank-holidays.json";
    private static final Logger log = LoggerFactory.getLogger(BankHolidayLoader.class);

    private final BankHolidays bankHolidays;
    private final AuditLog audit;

    BankHolidayLoader(BankHolidays bankHolidays, AuditLog audit) {
        this.bankHolidays = bankHolidays;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!bankHolidays.isEmpty()) {
            return;
        }
        List<BankHoliday> shipped = shipped();
        int added;
        try {
            added = bankHolidays.addAll(shipped, BankHolidays.Source.SHIPPED_FILE);
        } catch (DuplicateKeyException e) {
            // Two instances starting together on one database: the other one has loaded them.
            log.info("Bank holidays were loaded by another instance of the service");
            return;
        }
        audit.recordChange("IMPORT", "bank-holiday", null, null,
                "Loaded " + added + " England and Wales bank holidays from the file shipped with the service");
        log.info("Loaded {} England and Wales bank holidays from {}", added, SHIPPED_FILE);
    }

    static List<BankHoliday> shipped() throws IOException {
        try (InputStream in = new ClassPathResource(SHIPPED_FILE).getInputStream()) {
            return GovUkBankHolidaysFile.englandAndWales(in.readAllBytes());
        } catch (GovUkBankHolidaysFile.UnusableFile e) {
            throw new IllegalStateException("The shipped " + SHIPPED_FILE + " cannot be read: " + e.getMessage(), e);
        }
    }
}
