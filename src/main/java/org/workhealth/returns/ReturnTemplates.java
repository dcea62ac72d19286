package org.workhealth.returns;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Return templates in the database: one per programme. */
@Service
class ReturnTemplates {

    private final JdbcClient jdbc;

    ReturnTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ReturnTemplate> forProgramme(long programmeId) {
        return all(List.of(programmeId)).stream().findFirst();
    }

    /** The templates of these programmes, read in two queries. */
    List<ReturnTemplate> all(List<Long> programmeIds) {
        if (programmeIds.isEmpty()) {
            return List.of();
        }
        record Head(long id, long programmeId, String name, int due, String kpis) {
        }
        List<Head> heads = jdbc.sql("""
                SELECT id, programme_id, name, due_days_after_end, kpi_codes FROM return_template
                WHERE programme_id IN (:programmes) ORDER BY name""").param("programmes", programmeIds)
                .query((rs, n) -> new Head(rs.getLong("id"), rs.getLong("programme_id"), rs.getString("name"),
                        rs.getInt("due_days_after_end"), rs.getString("kpi_codes"))).list();
        if (heads.isEmpty()) {
            return List.of();
        }
        record Col(long templateId, ReturnTemplate.Column column) {
        }
        Map<Long, List<ReturnTemplate.Column>> columns = jdbc.sql("""
                SELECT template_id, column_code, required FROM return_template_column
                WHERE template_id IN (:templates) ORDER BY template_id, position""")
                .param("templates", heads.stream().map(Head::id).toList())
                .query((rs, n) -> new Col(rs.getLong("template_id"), new ReturnTemplate.Column(
                        rs.getString("column_code"), rs.getBoolean("required")))).list().stream()
                .collect(Collectors.groupingBy(Col::templateId,
                        Collectors.mapping(Col::column, Collectors.toList())));
        return heads.stream().map(h -> new ReturnTemplate(h.id(), h.programmeId(), h.name(), h.due(),
                Arrays.stream(h.kpis().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList(),
                columns.getOrDefault(h.id(), List.of()))).toList();
    }

    /** Records the programme's template, replacing the one it had. For seed data and tests. */
    @Transactional
    long save(long programmeId, String name, int dueDaysAfterEnd, List<String> kpiCodes,
            List<ReturnTemplate.Column> columns) {
        forProgramme(programmeId).ifPresent(old -> {
            jdbc.sql("DELETE FROM return_template_column WHERE template_id = ?").param(old.id()).update();
            jdbc.sql("DELETE FROM return_template WHERE id = ?").param(old.id()).update();
        });
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO return_template (programme_id, name, due_days_after_end, kpi_codes) VALUES (?, ?, ?, ?)
                """).params(programmeId, name, dueDaysAfterEnd, String.join(",", kpiCodes)).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        List<ReturnTemplate.Column> ordered = new ArrayList<>(columns);
        for (int i = 0; i < ordered.size(); i++) {
            jdbc.sql("""
                    INSERT INTO return_template_column (template_id, position, column_code, required)
                    VALUES (?, ?, ?, ?)""").params(id, i + 1, ordered.get(i).code(), ordered.get(i).required())
                    .update();
        }
        return id;
    }
}
