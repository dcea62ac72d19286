package org.workhealth.calendar;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.workhealth.govuk.UploadForm;

/** The service runs on UK time: dates are Europe/London dates whatever the server's zone. */
@Configuration
class CalendarConfiguration {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Bean
    Clock clock() {
        return Clock.system(LONDON);
    }

    /** The GOV.UK bank holidays file: a file over the server's limit comes back to the page with the GOV.UK error. */
    @Bean
    UploadForm bankHolidaysUpload() {
        return new UploadForm("/admin/bank-holidays/upload", "/admin/bank-holidays");
    }
}
