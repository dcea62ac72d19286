package org.workhealth.evaluation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.stereotype.Service;
import org.workhealth.performance.SmallNumbers;
import org.workhealth.trial.Arm;
import org.workhealth.trial.Trial;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

/**
 * An agreement's aggregate table: people, engaged and job starts by trial arm (or all, for a programme) and by each
 * breakdown the agreement allows (sex, age band, ethnic group, disability), with small cells suppressed per column of
 * each breakdown. Counted as the participants stream past: one small array per cell, never a row per person.
 */
@Service
class AggregateExtract {

    private static final String NOT_KNOWN = "Not known";
    private static final List<String> MEASURES = List.of("people", "engaged", "job_started");

    private final Participants participants;

    AggregateExtract(Participants participants) {
        this.participants = participants;
    }

    ExtractResult write(Agreement agreement, OutputStream out) {
        Trial trial = participants.trial(agreement);
        Map<ExtractField, Function<Participant, String>> breakdowns = new LinkedHashMap<>();
        breakdowns.put(ExtractField.SEX, p -> label(ExtractField.SEX, Map.of("FEMALE", "1", "MALE", "2",
                "PREFER_NOT_TO_SAY", "9").get(String.valueOf(p.referral().sex()))));
        breakdowns.put(ExtractField.AGE_BAND, p -> p.referral().ageBand() == null ? NOT_KNOWN : p.referral().ageBand());
        breakdowns.put(ExtractField.ETHNIC_GROUP, p -> "PREFER_NOT_TO_SAY".equals(p.referral().ethnicGroup())
                ? "Prefer not to say" : p.referral().ethnicGroup() == null ? NOT_KNOWN : p.referral().ethnicGroup());
        breakdowns.put(ExtractField.DISABILITY, p -> label(ExtractField.DISABILITY, Map.of("YES", "1", "NO", "2",
                "PREFER_NOT_TO_SAY", "9").get(String.valueOf(p.referral().disability()))));
        breakdowns.keySet().retainAll(agreement.fields());
        List<String> arms = new ArrayList<>();
        if (trial == null) {
            arms.add("All");
        } else {
            trial.arms().stream().map(Arm::code).forEach(arms::add);
        }
        // breakdown -> arm -> group -> counts of each measure
        Map<ExtractField, Map<String, TreeMap<String, long[]>>> counts = new LinkedHashMap<>();
        breakdowns.keySet().forEach(b -> {
            Map<String, TreeMap<String, long[]>> byArm = new LinkedHashMap<>();
            arms.forEach(a -> byArm.put(a, new TreeMap<>()));
            counts.put(b, byArm);
        });
        long[] total = {0};
        participants.forEach(agreement, p -> {
            total[0]++;
            String arm = trial == null ? "All" : p.trial().armCode();
            boolean engaged = p.milestones() != null && !p.date(p.milestones().engagedOn()).isEmpty();
            boolean job = p.milestones() != null && !p.date(p.milestones().jobStartOn()).isEmpty();
            breakdowns.forEach((field, group) -> {
                long[] cell = counts.get(field).get(arm).computeIfAbsent(group.apply(p), g -> new long[3]);
                cell[0]++;
                cell[1] += engaged ? 1 : 0;
                cell[2] += job ? 1 : 0;
            });
        });
        Checksummed sink = new Checksummed(out);
        long rows = 0;
        // The equality pages' rule at the agreement's threshold (5 unless it says more), written for a file.
        int threshold = agreement.smallCellThreshold();
        SmallNumbers smallCells = new SmallNumbers(threshold, "<" + threshold, "suppressed", String::valueOf);
        try {
            CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(sink, StandardCharsets.UTF_8);
            List<String> header = new ArrayList<>(List.of("breakdown", "group", "arm"));
            header.addAll(MEASURES);
            csv.writeRecord(header);
            for (var byBreakdown : counts.entrySet()) {
                for (var byArm : byBreakdown.getValue().entrySet()) {
                    List<String> groups = new ArrayList<>(byArm.getValue().keySet());
                    List<List<String>> shown = new ArrayList<>();
                    for (int m = 0; m < MEASURES.size(); m++) {
                        int measure = m;
                        shown.add(smallCells.cells(groups.stream().map(g -> byArm.getValue().get(g)[measure])
                                .toList()));
                    }
                    for (int g = 0; g < groups.size(); g++) {
                        List<String> line = new ArrayList<>(List.of(byBreakdown.getKey().column(), groups.get(g),
                                byArm.getKey()));
                        for (List<String> column : shown) {
                            line.add(column.get(g));
                        }
                        csv.writeRecord(line);
                        rows++;
                    }
                }
            }
            csv.writeRecord("total", "All", "All", smallCells.total(total[0]), "", "");
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ExtractResult(rows + 1, sink.hex());
    }

    private static String label(ExtractField field, String code) {
        return code == null ? NOT_KNOWN : field.codes().get(code);
    }
}
