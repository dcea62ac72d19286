package org.workhealth.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A control character in a bulk file's cell is that row's error, never a value stored (PostgreSQL refuses NUL). */
class ReferralFileControlCharactersTest {

    @Test
    void aNulOrOtherControlCharacterInACellIsAnErrorOnItsRow() throws Exception {
        String template = new String(ReferralFileWriter.template(), StandardCharsets.UTF_8);
        String[] lines = template.split("\r\n");
        String good = lines[1];
        String nul = good.replaceFirst("^Sam,", "Sa\u0000m,");
        String bell = good.replaceFirst("^Sam,", "Sa\u0007m,");
        assertThat(nul).isNotEqualTo(good);
        byte[] file = String.join("\r\n", lines[0], good, nul, bell).getBytes(StandardCharsets.UTF_8);

        List<ReferralFile.Row> rows = ReferralFile.read(file, "Uploader", LocalDate.of(2026, 12, 5));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).problems()).isEmpty();
        for (ReferralFile.Row row : rows.subList(1, 3)) {
            assertThat(row.problems()).extracting(ReferralFile.RowProblem::column).contains("first_name");
            assertThat(row.problems()).extracting(ReferralFile.RowProblem::message)
                    .contains("First name must only include letters, numbers, spaces and punctuation");
        }
    }
}
