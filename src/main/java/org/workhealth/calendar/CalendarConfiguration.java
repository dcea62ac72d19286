package org.workhealth.calendar;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service runs on UK time: dates are Europe/London dates whatever the server's zone. */
@Configuration
class CalendarConfiguration {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Bean
    Clock clock() {
        return Clock.system(LONDON);
    }
}
