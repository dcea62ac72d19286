package org.workhealth.govuk;

import java.util.Set;
import java.util.TreeSet;
import org.workhealth.govuk.internal.GovukComponents;

/**
 * For working on a component without Maven: renders the fixtures of the components named as
 * arguments and prints each mismatch as expected and actual canonical HTML.
 */
final class FixturesMain {

    public static void main(String[] args) {
        Set<String> components = args.length == 0 ? new TreeSet<>(GovukFixtures.COMPONENTS) : Set.of(args);
        GovukComponents renderer = GovukComponents.standalone();
        int passed = 0;
        int run = 0;
        for (GovukFixtures.Fixture fixture : GovukFixtures.load(components)) {
            run++;
            String actual;
            try {
                actual = CanonicalHtml.of(renderer.render(fixture.component(), fixture.options()));
            } catch (RuntimeException e) {
                System.out.println("FAIL " + fixture + ": " + e);
                Throwable cause = e;
                while (cause.getCause() != null) {
                    cause = cause.getCause();
                }
                System.out.println("  cause: " + cause);
                continue;
            }
            String expected = CanonicalHtml.of(fixture.html());
            if (expected.equals(actual)) {
                passed++;
            } else {
                System.out.println("FAIL " + fixture + "\n  options: " + fixture.options() + "\n--- expected\n" + expected
                        + "--- actual\n" + actual);
            }
        }
        System.out.printf("%d passed out of %d%n", passed, run);
    }
}
