package org.workhealth.employer.framework;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's two versions of the framework, as the public reports describe its shape: the levels framework the
 * programme began with, and the 2024 modular revision (modules an employer can complete on its own). The wording of
 * every criterion is written for the demo, and both versions say so on every page that shows them.
 */
@Component
public class FrameworkExamples {

    /** One criterion of the demo: its code, level, area, module in the 2024 revision, wording and evidence. */
    private record Example(String code, String level, String area, String module, String text, String evidence) {
    }

    private record Module(String code, String name, String description) {
    }

    private static final List<Module> MODULES = List.of(
            new Module("CULTURE", "Leadership and culture",
                    "The enablers: leadership, policy, communication, training and data."),
            new Module("MENTAL", "Mental health", "Talking about, preventing and supporting poor mental health."),
            new Module("MSK", "Musculoskeletal health", "Preventing and managing back, neck and joint problems."),
            new Module("LIFESTYLE", "Healthy lifestyles",
                    "Physical activity, healthy eating, smoking, alcohol and drugs."),
            new Module("MONEY", "Financial wellbeing", "Money worries and where to get impartial help."));

    private static final List<Example> EXAMPLES = List.of(
            new Example("F-LEAD-1", "FOUNDATION", "LEADERSHIP", "CULTURE",
                    "A senior leader is named as the sponsor of workforce wellbeing.",
                    "A note or minutes naming the senior leader and what they have agreed to do."),
            new Example("F-POL-1", "FOUNDATION", "POLICY", "CULTURE",
                    "The organisation has a written health and wellbeing statement that staff can read.",
                    "The statement, and where staff can find it."),
            new Example("F-COMM-1", "FOUNDATION", "COMMUNICATION", "CULTURE",
                    "Staff are told where to find wellbeing support, including any employee assistance programme.",
                    "A staff newsletter, intranet page or notice board photo that says where support is."),
            new Example("F-DATA-1", "FOUNDATION", "DATA", "CULTURE",
                    "Sickness absence is recorded, with its reasons where staff give them.",
                    "A summary of last year's absence by reason, with no names."),
            new Example("B-TRAIN-1", "BRONZE", "TRAINING", "CULTURE",
                    "At least one member of staff is trained as a mental health first aider or equivalent.",
                    "A training certificate or a list of trained staff by role."),
            new Example("B-MH-1", "BRONZE", "MENTAL_HEALTH", "MENTAL",
                    "Line managers know how to start a conversation about mental health and where to signpost.",
                    "Briefing notes or training records for line managers."),
            new Example("B-MH-2", "BRONZE", "MENTAL_HEALTH", "MENTAL",
                    "Staff returning after a mental health absence are offered a return-to-work conversation.",
                    "The return-to-work procedure, or an anonymised example."),
            new Example("B-MSK-1", "BRONZE", "MUSCULOSKELETAL", "MSK",
                    "Workstation or manual handling assessments are offered to the staff whose work needs them.",
                    "The assessment form and how many were done last year."),
            new Example("B-PA-1", "BRONZE", "PHYSICAL_ACTIVITY", "LIFESTYLE",
                    "Staff are encouraged to be active during the working day.",
                    "An example of a walking meeting, active travel scheme or activity challenge."),
            new Example("B-FIN-1", "BRONZE", "FINANCIAL_WELLBEING", "MONEY",
                    "Staff are signposted to free, impartial money guidance.",
                    "Where the signposting appears, such as a payslip insert or intranet page."),
            new Example("S-LEAD-1", "SILVER", "LEADERSHIP", "CULTURE",
                    "Wellbeing is a standing item at senior leadership meetings, with an action plan reviewed yearly.",
                    "Two sets of minutes and the current action plan."),
            new Example("S-MH-1", "SILVER", "MENTAL_HEALTH", "MENTAL",
                    "Reasonable adjustments for mental health conditions are agreed and reviewed with the employee.",
                    "The adjustments procedure and an anonymised example of a review."),
            new Example("S-MSK-1", "SILVER", "MUSCULOSKELETAL", "MSK",
                    "Staff with back, neck or joint problems can get early advice, such as physiotherapy.",
                    "How staff are referred, and how many used it last year."),
            new Example("S-EAT-1", "SILVER", "HEALTHY_EATING", "LIFESTYLE",
                    "Healthy food and drinking water are available at work, or staff have somewhere to store their own.",
                    "Photos of the facilities or the catering policy."),
            new Example("S-SMOKE-1", "SILVER", "SMOKING", "LIFESTYLE",
                    "Staff who smoke are offered support to stop, including time to attend stop smoking services.",
                    "The smoking policy and how the support is publicised."),
            new Example("S-ALC-1", "SILVER", "ALCOHOL_AND_DRUGS", "LIFESTYLE",
                    "A drugs and alcohol policy says how staff can ask for help in confidence.",
                    "The policy and where staff can read it."),
            new Example("G-DATA-1", "GOLD", "DATA", "CULTURE",
                    "A staff wellbeing survey is run every year and its results shape the action plan.",
                    "The last two surveys' summaries and the changes made because of them."),
            new Example("G-MH-1", "GOLD", "MENTAL_HEALTH", "MENTAL",
                    "Work-related stress risks are assessed and acted on across the organisation.",
                    "The stress risk assessment and the actions taken."),
            new Example("G-FIN-1", "GOLD", "FINANCIAL_WELLBEING", "MONEY",
                    "The organisation pays at least the real Living Wage or has a plan to.",
                    "Accreditation by the Living Wage Foundation, or the plan and its dates."));

    private final Frameworks frameworks;
    private final JdbcClient jdbc;

    FrameworkExamples(Frameworks frameworks, JdbcClient jdbc) {
        this.frameworks = frameworks;
        this.jdbc = jdbc;
    }

    /**
     * Both versions at the hub, published on their dates (the levels framework from the programme's start, the
     * modular revision from April 2024, which is current).
     *
     * @return the ids of the levels version and of the modular version
     */
    public long[] load(long hubOrganisationId, long createdBy) {
        long levels = frameworks.createDraft(hubOrganisationId, "Thrive at Work (levels framework)", false, true,
                createdBy);
        for (Example e : EXAMPLES) {
            frameworks.addCriterion(levels, new NewCriterion(e.level(), e.area(), null, e.code(), e.text(),
                    e.evidence()), createdBy);
        }
        publishOn(levels, LocalDate.of(2019, 7, 1), createdBy);
        long modular = frameworks.createDraft(hubOrganisationId, "Thrive at Work 2024 (modular)", true, true,
                createdBy);
        jdbc.sql("UPDATE framework_version SET based_on_id = ? WHERE id = ?").params(levels, modular).update();
        for (Module m : MODULES) {
            frameworks.addModule(modular, m.code(), m.name(), m.description());
        }
        for (Example e : EXAMPLES) {
            frameworks.addCriterion(modular, new NewCriterion(e.level(), e.area(), e.module(), e.code(), e.text(),
                    e.evidence()), createdBy);
        }
        publishOn(modular, LocalDate.of(2024, 4, 1), createdBy);
        return new long[] {levels, modular};
    }

    private void publishOn(long versionId, LocalDate on, long by) {
        jdbc.sql("""
                UPDATE framework_version SET status = 'PUBLISHED', published_on = ?, published_at = ?, published_by = ?
                WHERE id = ?
                """).params(on, Timestamp.valueOf(on.atStartOfDay()), by, versionId).update();
    }
}
