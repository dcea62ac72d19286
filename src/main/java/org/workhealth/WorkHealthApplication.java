package org.workhealth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkHealthApplication {

    public static void main(String[] args) {
        // The JDK's HttpURLConnection silently sends a POST again when its first answer times out or the connection
        // drops; GOV.UK Notify's client uses it, so each such failure would send a message twice. The JDK reads this
        // once, when its HTTP client is first loaded: before anything else starts (uk.gov.service.notify
        // .TimeoutNotificationClient sets it too, for when the service is started otherwise).
        System.setProperty("sun.net.http.retryPost", "false");
        SpringApplication.run(WorkHealthApplication.class, args);
    }
}
