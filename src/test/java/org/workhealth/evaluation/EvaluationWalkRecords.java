package org.workhealth.evaluation;

import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A data sharing agreement for the route walks: West Midlands with the university's evaluators, in force. */
public final class EvaluationWalkRecords {

    private EvaluationWalkRecords() {
    }

    /** The agreement and one extract logged under it (for the reproduce action the form walks post to). */
    public record Made(long agreement, long extract) {
    }

    public static Made make(ApplicationContext context) {
        long id = agreement(context);
        Agreement agreement = context.getBean(AgreementStore.class).find(id).orElseThrow();
        ExtractResult result = context.getBean(ParticipantExtract.class).write(agreement,
                java.io.OutputStream.nullOutputStream());
        long by = context.getBean(JdbcClient.class)
                .sql("SELECT id FROM person WHERE email = 'evaluator@workhealth.example'").query(Long.class).single();
        long extract = context.getBean(ExtractLog.class).record(agreement, ExtractLog.Kind.PARTICIPANTS, by,
                java.time.Instant.now(), Extracts.parameters(agreement), result, null, null);
        return new Made(id, extract);
    }

    static long agreement(ApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long owner = jdbc.sql("SELECT organisation_id FROM person WHERE email = 'commissioner@wmca.workhealth.example'")
                .query(Long.class).single();
        long by = jdbc.sql("SELECT id FROM person WHERE email = 'commissioner@wmca.workhealth.example'")
                .query(Long.class).single();
        long university = jdbc.sql("SELECT organisation_id FROM person WHERE email = 'evaluator@workhealth.example'")
                .query(Long.class).single();
        long programme = jdbc.sql("SELECT id FROM programme WHERE code = 'TIW'").query(Long.class).single();
        AgreementTerms terms = new AgreementTerms(university, "Walk evaluation", "Evaluating Thrive into Work",
                LegalBasis.PUBLIC_TASK, programme, null, List.of(ExtractField.AGE_BAND, ExtractField.SEX),
                LocalDate.of(2020, 1, 1), LocalDate.now(), LocalDate.now().minusDays(1), LocalDate.now().plusYears(1),
                DateHandling.EXACT, 0, 5);
        AgreementStore store = context.getBean(AgreementStore.class);
        return store.insert(terms, owner, null, 1, context.getBean(AgreementKeyCipher.class).newKey(), by,
                java.time.Instant.now());
    }
}
