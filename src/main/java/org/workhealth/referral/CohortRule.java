package org.workhealth.referral;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One cohort suggestion rule of a programme, as stored: the cohort it suggests and conditions that must
 * all hold. A programme's rules are tried in position order and the first that holds wins, so a
 * catch-all ({@code ANY}) goes last.
 *
 * <p>{@code conditions} is a comma-separated list of terms, all of which must hold:
 * <ul>
 * <li>{@code IN_WORK} / {@code OUT_OF_WORK}: employed, self-employed or off sick from a job, or not;</li>
 * <li>{@code STATUS=EMPLOYED|OFF_SICK}: one of these {@link EmploymentStatus} names;</li>
 * <li>{@code HEALTH=MENTAL_HEALTH|MUSCULOSKELETAL|OTHER}: at least one of these conditions ({@code HEALTH=ANY}
 * for any of them);</li>
 * <li>{@code WAITING_FOR_TREATMENT}: answered "yes" to waiting for NHS treatment (a community health or elective
 * care waiting list);</li>
 * <li>{@code WEEKS_OUT_AT_MOST=8}: unemployed, having stopped working no more than 8 weeks before referral;</li>
 * <li>{@code ANY}: always holds, for a fallback cohort.</li>
 * </ul>
 */
record CohortRule(long id, long cohortId, String cohortName, int position, String conditions) {

    /** Null when the conditions can be understood; otherwise what is wrong. */
    static String problemWith(String conditions) {
        List<String> terms = terms(conditions);
        if (terms.isEmpty()) {
            return "Enter at least one condition, or ANY";
        }
        for (String term : terms) {
            try {
                parse(term);
            } catch (IllegalArgumentException e) {
                return "Condition " + term + " is not understood";
            }
        }
        return null;
    }

    /** The conditions in words: "In work with a mental health or musculoskeletal condition". */
    String describe() {
        List<String> phrases = terms(conditions).stream().map(t -> parse(t).describe()).toList();
        return EligibilityRule.capitalise(joinPhrases(phrases));
    }

    /** Why the cohort fits ("In work (Employed) with a mental health condition"), or empty when it does not. */
    Optional<String> why(PersonFacts person) {
        List<String> phrases = new ArrayList<>();
        for (String term : terms(conditions)) {
            Optional<String> met = parse(term).met(person);
            if (met.isEmpty()) {
                return Optional.empty();
            }
            phrases.add(met.get());
        }
        return Optional.of(EligibilityRule.capitalise(joinPhrases(phrases)));
    }

    /** "with …" phrases read on from the one before; the rest are listed with commas. */
    private static String joinPhrases(List<String> phrases) {
        StringBuilder text = new StringBuilder();
        for (String phrase : phrases) {
            if (!text.isEmpty()) {
                text.append(phrase.startsWith("with ") ? " " : ", ");
            }
            text.append(phrase);
        }
        return text.toString();
    }

    private static List<String> terms(String conditions) {
        if (conditions == null || conditions.isBlank()) {
            return List.of();
        }
        return Arrays.stream(conditions.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.UK)).toList();
    }

    private static Condition parse(String term) {
        String name = term.contains("=") ? term.substring(0, term.indexOf('=')).strip() : term;
        String value = term.contains("=") ? term.substring(term.indexOf('=') + 1).strip() : null;
        List<String> values = value == null ? List.of()
                : Arrays.stream(value.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        Condition condition = switch (name) {
            case "IN_WORK" -> new InWork(true);
            case "OUT_OF_WORK" -> new InWork(false);
            case "STATUS" -> new Status(values.stream().map(EmploymentStatus::valueOf).toList());
            case "HEALTH" -> new Health(values);
            case "WAITING_FOR_TREATMENT" -> new Waiting();
            case "WEEKS_OUT_AT_MOST" -> new WeeksOut(Integer.parseInt(value == null ? "" : value));
            case "ANY" -> new Always();
            default -> throw new IllegalArgumentException("Unknown condition " + term);
        };
        if ((name.equals("STATUS") || name.equals("HEALTH")) && values.isEmpty()) {
            throw new IllegalArgumentException("No values in " + term);
        }
        return condition;
    }

    private sealed interface Condition permits InWork, Status, Health, Waiting, WeeksOut, Always {

        String describe();

        /** What about the person meets the condition, or empty when it is not met. */
        Optional<String> met(PersonFacts person);
    }

    private record InWork(boolean inWork) implements Condition {

        public String describe() {
            return inWork ? "in work" : "out of work";
        }

        public Optional<String> met(PersonFacts person) {
            EmploymentStatus status = person.employmentStatus();
            if (status == null || status.inWork() != inWork) {
                return Optional.empty();
            }
            return Optional.of((inWork ? "in work (" : "out of work (") + status.label() + ")");
        }
    }

    private record Status(List<EmploymentStatus> statuses) implements Condition {

        public String describe() {
            return "employment status is " + String.join(" or ", statuses.stream()
                    .map(s -> s.label().toLowerCase(Locale.UK)).toList());
        }

        public Optional<String> met(PersonFacts person) {
            return statuses.contains(person.employmentStatus())
                    ? Optional.of(person.employmentStatus().label().toLowerCase(Locale.UK)) : Optional.empty();
        }
    }

    private record Health(List<String> kinds) implements Condition {

        Health {
            for (String kind : kinds) {
                if (!List.of("ANY", "MENTAL_HEALTH", "MUSCULOSKELETAL", "OTHER").contains(kind)) {
                    throw new IllegalArgumentException("Unknown health condition " + kind);
                }
            }
        }

        public String describe() {
            if (kinds.contains("ANY")) {
                return "with a health condition";
            }
            List<String> named = kinds.stream().map(k -> switch (k) {
                case "MENTAL_HEALTH" -> "mental health";
                case "MUSCULOSKELETAL" -> "musculoskeletal";
                default -> "other long-term";
            }).toList();
            return "with a " + String.join(" or ", named) + " condition";
        }

        public Optional<String> met(PersonFacts person) {
            boolean any = kinds.contains("ANY");
            PersonFacts relevant = new PersonFacts(null, null, null, null, null, null,
                    person.mentalHealth() && (any || kinds.contains("MENTAL_HEALTH")),
                    person.musculoskeletal() && (any || kinds.contains("MUSCULOSKELETAL")),
                    person.otherCondition() && (any || kinds.contains("OTHER")), null, null, null);
            return relevant.anyCondition() ? Optional.of("with " + EligibilityRule.conditions(relevant))
                    : Optional.empty();
        }
    }

    private record Waiting() implements Condition {

        public String describe() {
            return "waiting for NHS treatment";
        }

        public Optional<String> met(PersonFacts person) {
            return person.waitingForNhsTreatment() ? Optional.of("waiting for NHS treatment") : Optional.empty();
        }
    }

    private record WeeksOut(int weeks) implements Condition {

        public String describe() {
            return "stopped working no more than " + EligibilityRule.weeksText(weeks) + " before referral";
        }

        public Optional<String> met(PersonFacts person) {
            if (person.employmentStatus() != EmploymentStatus.UNEMPLOYED || person.unemployedSince() == null) {
                return Optional.empty();
            }
            long days = ChronoUnit.DAYS.between(person.unemployedSince(), person.referredOn());
            if (days < 0 || days > weeks * 7L) {
                return Optional.empty();
            }
            return Optional.of(days < 7 ? "stopped working less than a week before referral"
                    : "stopped working " + EligibilityRule.weeksText(days / 7) + " before referral");
        }
    }

    private record Always() implements Condition {

        public String describe() {
            return "anyone not suggested an earlier cohort";
        }

        public Optional<String> met(PersonFacts person) {
            return Optional.of("none of the earlier cohorts fit");
        }
    }
}
