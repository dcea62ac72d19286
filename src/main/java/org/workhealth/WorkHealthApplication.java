package org.workhealth;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkHealthApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkHealthApplication.class, args);
    }
}
