package org.workhealth.govuk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.workhealth.govuk.internal.GovukComponents;

/**
 * Every fixture that govuk-frontend publishes for a component, rendered through
 * {@link GovukComponents} and compared with the official HTML once both are canonical.
 * Run one component with {@code -Dgovuk.components=button}.
 */
class GovukComponentFixturesTest {

    private static final GovukComponents COMPONENTS = GovukComponents.standalone();
    private static final AtomicInteger PASSED = new AtomicInteger();
    private static final AtomicInteger RUN = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyFixtureRendersAsTheOfficialMacroDoes() {
        List<GovukFixtures.Fixture> fixtures = GovukFixtures.load(GovukFixtures.selectedComponents());
        return fixtures.stream().map(fixture -> DynamicTest.dynamicTest(fixture.toString(), () -> {
            RUN.incrementAndGet();
            String rendered = COMPONENTS.render(fixture.component(), fixture.options());
            assertThat(CanonicalHtml.of(rendered)).as(fixture.toString()).isEqualTo(CanonicalHtml.of(fixture.html()));
            PASSED.incrementAndGet();
        }));
    }

    @AfterAll
    static void report() {
        System.out.printf("GOV.UK Frontend %s fixtures: %d passed out of %d%n", GovukFixtures.VERSION, PASSED.get(),
                RUN.get());
    }
}
