package org.workhealth.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.workhealth.milestone.MilestoneExtractSource;
import org.workhealth.referral.ReferralExtractSource;

/** The merge that feeds an extract holds one row of each source: it works on a stream that never ends. */
class StreamingTest {

    /** Referrals 1, 2, 3 ... for ever. */
    private static Iterator<ReferralExtractSource.Row> endlessReferrals() {
        return new Iterator<>() {
            long next = 1;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public ReferralExtractSource.Row next() {
                return new ReferralExtractSource.Row(next++, LocalDate.of(2025, 1, 1), "25 to 34", "FEMALE", null,
                        null, "PUBLIC", null, "UNEMPLOYED", 1);
            }
        };
    }

    /** Milestones of every third referral, for ever. */
    private static Iterator<MilestoneExtractSource.Row> endlessMilestones() {
        return new Iterator<>() {
            long next = 3;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public MilestoneExtractSource.Row next() {
                long id = next;
                next += 3;
                return new MilestoneExtractSource.Row(id, null, LocalDate.of(2025, 2, 1), null, null, null);
            }
        };
    }

    private static final class Enough extends RuntimeException {
    }

    @Test
    void rowsArriveOneAtATimeFromAnEndlessSourceAndMatchTheirMilestones() {
        long[] seen = {0, 0};
        assertThatThrownBy(() -> Participants.merge(endlessReferrals(), endlessMilestones(), (person, steps) -> {
            seen[0]++;
            if (steps != null) {
                assertThat(steps.referralId()).isEqualTo(person.referralId());
                seen[1]++;
            } else {
                assertThat(person.referralId() % 3).isNotZero();
            }
            if (seen[0] == 2_000_000) {
                throw new Enough();
            }
        })).isInstanceOf(Enough.class);
        assertThat(seen[1]).isEqualTo(2_000_000 / 3);
    }

    @Test
    void milestonesOfReferralsOutsideTheExtractAreSkipped() {
        List<ReferralExtractSource.Row> people = List.of(row(5), row(9));
        List<MilestoneExtractSource.Row> steps = List.of(step(1), step(5), step(7), step(10));
        StringBuilder pairs = new StringBuilder();
        Participants.merge(people.iterator(), steps.iterator(),
                (p, s) -> pairs.append(p.referralId()).append(':').append(s == null ? "-" : s.referralId()).append(' '));
        assertThat(pairs.toString()).isEqualTo("5:5 9:- ");
    }

    private static ReferralExtractSource.Row row(long id) {
        return new ReferralExtractSource.Row(id, LocalDate.of(2025, 1, 1), null, null, null, null, "PUBLIC", null,
                "UNEMPLOYED", 1);
    }

    private static MilestoneExtractSource.Row step(long id) {
        return new MilestoneExtractSource.Row(id, null, null, null, null, null);
    }
}
