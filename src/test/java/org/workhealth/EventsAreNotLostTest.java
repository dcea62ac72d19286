package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events between modules go through the event publication registry (event_publication): a listener that fails leaves
 * its publication incomplete, and resubmitting it (what a restart does) delivers it. Checked for both kinds of
 * listener the modules use: {@code @ApplicationModuleListener} (asynchronous, after commit) and
 * {@code @TransactionalEventListener} with its own transaction (after commit, on the publishing thread).
 */
@SpringBootTest
@Import(EventsAreNotLostTest.Listeners.class)
class EventsAreNotLostTest {

    private static final Duration AT_MOST = Duration.ofSeconds(30);

    /** The event: its id tells this test's publications apart from any other. */
    public record Probe(String id) {
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Listeners listeners;

    @Test
    void aFailedListenerLeavesItsPublicationIncompleteAndResubmittingDeliversIt() {
        String id = UUID.randomUUID().toString();
        listeners.failFor(id);

        transactions.executeWithoutResult(status -> events.publishEvent(new Probe(id)));

        // Both listeners were called and failed: each one's publication is kept, not completed.
        await().atMost(AT_MOST).untilAsserted(() -> assertThat(publications(id))
                .containsOnlyKeys(Listeners.ASYNC, Listeners.AFTER_COMMIT).allSatisfy((listener, status) ->
                        assertThat(status).isEqualTo("FAILED")));
        assertThat(listeners.deliveredTo(id)).isEmpty();

        listeners.succeedFor(id);
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof Probe probe
                && probe.id().equals(id));

        // Delivered to each listener once, and the completed publications are deleted (completion-mode delete).
        await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(listeners.deliveredTo(id)).containsExactlyInAnyOrder(Listeners.ASYNC, Listeners.AFTER_COMMIT);
            assertThat(publications(id)).isEmpty();
        });
    }

    @Test
    void aListenerThatSucceedsLeavesNoPublicationBehind() {
        String id = UUID.randomUUID().toString();

        transactions.executeWithoutResult(status -> events.publishEvent(new Probe(id)));

        await().atMost(AT_MOST).untilAsserted(() -> {
            assertThat(listeners.deliveredTo(id)).containsExactlyInAnyOrder(Listeners.ASYNC, Listeners.AFTER_COMMIT);
            assertThat(publications(id)).isEmpty();
        });
    }

    /** This probe's publications still in the registry: listener method name to status. */
    private Map<String, String> publications(String id) {
        Map<String, String> found = new ConcurrentHashMap<>();
        jdbc.sql("SELECT listener_id, status FROM event_publication WHERE serialized_event LIKE ?")
                .param("%" + id + "%").query((rs, n) -> {
                    String listener = rs.getString("listener_id");
                    found.put(listener.contains(".async(") ? Listeners.ASYNC : Listeners.AFTER_COMMIT,
                            String.valueOf(rs.getString("status")));
                    return listener;
                }).list();
        return found;
    }

    /** Listeners that fail for the probes they are told to; used through methods, as the bean is a proxy. */
    static class Listeners {

        static final String ASYNC = "async";
        static final String AFTER_COMMIT = "afterCommit";

        private final Set<String> failing = ConcurrentHashMap.newKeySet();
        private final Map<String, List<String>> delivered = new ConcurrentHashMap<>();

        void failFor(String id) {
            failing.add(id);
        }

        void succeedFor(String id) {
            failing.remove(id);
        }

        List<String> deliveredTo(String id) {
            return delivered.getOrDefault(id, List.of());
        }

        @ApplicationModuleListener
        void async(Probe probe) {
            receive(probe, ASYNC);
        }

        @TransactionalEventListener
        @Transactional(propagation = Propagation.REQUIRES_NEW)
        void afterCommit(Probe probe) {
            receive(probe, AFTER_COMMIT);
        }

        private void receive(Probe probe, String listener) {
            if (failing.contains(probe.id())) {
                throw new IllegalStateException("Failing on purpose: " + listener);
            }
            delivered.merge(probe.id(), List.of(listener), (a, b) -> Stream.concat(a.stream(), b.stream()).toList());
        }
    }
}
