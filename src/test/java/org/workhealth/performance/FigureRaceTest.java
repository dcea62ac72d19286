package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.workhealth.SignIn;
import org.workhealth.calendar.Quarter;
import org.workhealth.organisation.Organisations;
import org.workhealth.organisation.People;
import org.workhealth.programme.Programmes;
import org.workhealth.performance.internal.FigureChangedException;
import org.workhealth.performance.internal.KpiFigures;

/**
 * Two people saving the same quarter at the same moment: both read no figure (or the same one), and
 * the database lets only one of them write; the other is told someone else got there first.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FigureRaceTest {

    private static final Quarter Q1 = Quarter.of(2023, 1);

    private final KpiFigures figures;
    private final TransactionTemplate transaction;
    private final FigureTestData data;
    private final long manager;

    @Autowired
    FigureRaceTest(KpiFigures figures, TransactionTemplate transaction, JdbcClient jdbc, Programmes programmes,
            Organisations organisations, People people) {
        this.figures = figures;
        this.transaction = transaction;
        this.data = new FigureTestData(jdbc, programmes, organisations);
        this.manager = people.findByEmail(SignIn.BURY_MANAGER).orElseThrow().id();
    }

    @Test
    void ofTwoFirstEntriesMadeAtOnceOnlyOneIsKept() throws Exception {
        FigureTestData.Setup s = setUp();
        List<String> outcomes = race(() -> figures.enter(s.kpi(0), s.contract().id(), Q1, 10, null, manager),
                () -> figures.enter(s.kpi(0), s.contract().id(), Q1, 20, null, manager));
        assertThat(outcomes).containsExactlyInAnyOrder("saved", "changed");
        assertThat(figures.history(s.kpi(0), s.contract().id(), Q1)).hasSize(1);
    }

    @Test
    void ofTwoCorrectionsOfTheSameFigureMadeAtOnceOnlyOneIsKept() throws Exception {
        FigureTestData.Setup s = setUp();
        long first = figures.enter(s.kpi(0), s.contract().id(), Q1, 10, null, manager).id();
        List<String> outcomes = race(() -> figures.correct(first, 11, null, manager),
                () -> figures.correct(first, 12, null, manager));
        assertThat(outcomes).containsExactlyInAnyOrder("saved", "changed");
        assertThat(figures.history(s.kpi(0), s.contract().id(), Q1)).hasSize(2);
        assertThat(figures.current(s.kpi(0), s.contract().id(), Q1).orElseThrow().supersedesId()).isEqualTo(first);
    }

    private FigureTestData.Setup setUp() {
        return data.setUp("NHS Greater Manchester", "Bury Council Live Well service", "NHS Greater Manchester",
                LocalDate.of(2023, 4, 1), LocalDate.of(2025, 3, 31), "People trained");
    }

    /**
     * Runs the first save in a transaction that waits, after writing, until the second save has read
     * the figures and begun to write; only then does the first commit.
     */
    private List<String> race(Runnable firstSave, Runnable secondSave) throws Exception {
        CountDownLatch firstWritten = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> first = pool.submit(() -> outcome(() -> transaction.executeWithoutResult(status -> {
                firstSave.run();
                firstWritten.countDown();
                sleep();
            })));
            assertThat(firstWritten.await(20, TimeUnit.SECONDS)).isTrue();
            Future<String> second = pool.submit(() -> outcome(secondSave));
            List<String> outcomes = new ArrayList<>();
            outcomes.add(first.get(30, TimeUnit.SECONDS));
            outcomes.add(second.get(30, TimeUnit.SECONDS));
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String outcome(Runnable save) {
        try {
            save.run();
            return "saved";
        } catch (FigureChangedException changed) {
            return "changed";
        }
    }

    /** Long enough for the second save to reach its insert, which then waits on the first's row. */
    private static void sleep() {
        try {
            Thread.sleep(1500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
