package org.workhealth.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * Sends queued messages through GOV.UK Notify. It runs as a db-scheduler recurring task, so one run at a time across
 * all nodes; each run claims due messages a batch at a time (so that even two runs at once could not take the same
 * message), sends them a few at a time no faster than the rate allowed, and records each answer as it comes. A run
 * goes on while messages are due and stops claiming when the service is stopping; what a stopped or dead node had
 * claimed is taken again once its lease lapses, so delivery is at least once (docs/messages.md).
 */
@Component
class SendingWorker implements DisposableBean {

    static final String TASK = "notify-send";
    private static final Logger LOG = LoggerFactory.getLogger(SendingWorker.class);

    private final NotifySettings settings;
    private final Outbox outbox;
    private final NotifySender sender;
    private final Pace pace;
    private final ExecutorService senders;

    SendingWorker(NotifySettings settings, Outbox outbox, NotifySender sender) {
        this.settings = settings;
        this.outbox = outbox;
        this.sender = sender;
        this.pace = new Pace(settings.perMinute());
        this.senders = Executors.newFixedThreadPool(settings.senders(), runnable -> {
            Thread thread = new Thread(runnable, "notify-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Only with a Notify key: a node in kept mode has no worker, so it never takes a turn of the task from a node
     * that sends (nodes of one service share a configuration; tests in one JVM do not).
     */
    @Bean
    @ConditionalOnExpression("'${workhealth.notify.api-key:}'.trim().length() > 0")
    static RecurringTask<Void> notifySendTask(SendingWorker worker, NotifySettings settings) {
        return Tasks.recurring(TASK, Schedules.fixedDelay(settings.pollEvery()))
                .execute((instance, context) -> worker.sendDue(() -> context.getSchedulerState().isShuttingDown()));
    }

    /**
     * Sends every message due, batch by batch, until none is left or {@code stopping} says so. Returns how many
     * sends were made. Does nothing in kept mode.
     */
    int sendDue(BooleanSupplier stopping) {
        if (!settings.sending()) {
            return 0;
        }
        int sends = 0;
        while (!stopping.getAsBoolean()) {
            List<Outbox.Outgoing> batch = outbox.claim(settings.claimSize(), settings.lease());
            if (batch.isEmpty()) {
                break;
            }
            List<Future<?>> inFlight = new ArrayList<>(batch.size());
            for (Outbox.Outgoing message : batch) {
                inFlight.add(senders.submit(() -> sendOne(message)));
            }
            for (Future<?> send : inFlight) {
                try {
                    send.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return sends;
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warn("Notify: a send failed unexpectedly: {}", e.getCause().getClass().getName());
                }
            }
            sends += batch.size();
        }
        return sends;
    }

    private void sendOne(Outbox.Outgoing message) {
        try {
            pace.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // left claimed: taken again when the lease lapses
        }
        NotifySender.Outcome outcome = sender.send(message);
        // Java 17: no pattern matching in switch yet.
        if (outcome instanceof NotifySender.Accepted accepted) {
            outbox.sent(message, accepted.notifyId());
        } else if (outcome instanceof NotifySender.TryAgain again) {
            outbox.failedForNow(message, again.reason(), settings.maxAttempts(),
                    settings.retryAfter(message.attempts()));
            LOG.info("Notify: message {} not sent ({}), attempt {} of {}", message.id(), again.reason(),
                    message.attempts(), settings.maxAttempts());
        } else if (outcome instanceof NotifySender.Refused refused) {
            outbox.refused(message, refused.reason());
            LOG.warn("Notify: message {} refused ({}), not sent again", message.id(), refused.reason());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        senders.shutdown();
        senders.awaitTermination(settings.readTimeout().toSeconds() + 5, TimeUnit.SECONDS);
    }

    /**
     * Spaces sends evenly so that no minute holds more than the rate allows: each send waits for its own slot, one
     * every {@code 60 s / perMinute}, whichever sender thread makes it.
     */
    static final class Pace {

        private final long intervalNanos;
        private long nextSlot = System.nanoTime();

        Pace(int perMinute) {
            this.intervalNanos = 60_000_000_000L / perMinute;
        }

        void await() throws InterruptedException {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                long slot = Math.max(now, nextSlot);
                nextSlot = slot + intervalNanos;
                wait = slot - now;
            }
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }
}
