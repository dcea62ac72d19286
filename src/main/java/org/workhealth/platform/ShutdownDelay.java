package org.workhealth.platform;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a node is told to stop, Spring Boot reports it not ready and, at once, stops taking connections: a load
 * balancer that checks readiness every second would still send it requests for a second or two, and they would
 * fail. So a stopping node waits {@code workhealth.shutdown.delay} (SHUTDOWN_DELAY, 5 s) between reporting not
 * ready and closing, serving as usual meanwhile, while the load balancer's checks take it out (docs/operations.md).
 */
@Component
class ShutdownDelay {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDelay.class);

    private final ApplicationContext context;
    private final Duration delay;

    ShutdownDelay(ApplicationContext context, @Value("${workhealth.shutdown.delay:5s}") Duration delay) {
        this.context = context;
        this.delay = delay;
    }

    @EventListener
    void beforeClosing(ContextClosedEvent event) throws InterruptedException {
        if (event.getApplicationContext() != context || !(context instanceof WebServerApplicationContext)
                || delay.isZero() || delay.isNegative()) {
            return;
        }
        log.info("Stopping: reported not ready; serving {} ms more while load balancers take this node out",
                delay.toMillis());
        Thread.sleep(delay.toMillis());
    }
}
