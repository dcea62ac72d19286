package org.workhealth.performance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.workhealth.organisation.Organisations;
import org.workhealth.programme.Contract;
import org.workhealth.programme.NewContract;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;
import org.workhealth.programme.SupportType;

/** Programmes of the tests' own, with KPIs entered by hand and a contract, so tests never clash. */
class FigureTestData {

    record Setup(Programme programme, Contract contract, List<Long> kpiIds) {
        long kpi(int index) {
            return kpiIds.get(index);
        }
    }

    private final JdbcClient jdbc;
    private final Programmes programmes;
    private final Organisations organisations;

    FigureTestData(JdbcClient jdbc, Programmes programmes, Organisations organisations) {
        this.jdbc = jdbc;
        this.programmes = programmes;
        this.organisations = organisations;
    }

    /** A programme owned by {@code owner} with one ENTERED KPI per name, and a contract from provider to commissioner. */
    Setup setUp(String owner, String provider, String commissioner, LocalDate startsOn, LocalDate endsOn,
            String... kpiNames) {
        String code = "FG" + unique();
        Programme programme = programmes.createUnchecked(code, "Figures test " + code, SupportType.FIGURES_ONLY, null,
                org(owner));
        List<Long> ids = new ArrayList<>();
        int position = 1;
        for (String name : kpiNames) {
            jdbc.sql("""
                    INSERT INTO kpi_definition (programme_id, code, name, position, source, counting_rule, display)
                    VALUES (?, ?, ?, ?, 'ENTERED', 'EVERY', 'INCREMENTS')
                    """).params(programme.id(), "K" + position, name, position).update();
            ids.add(jdbc.sql("SELECT id FROM kpi_definition WHERE programme_id = ? AND code = ?")
                    .params(programme.id(), "K" + position).query(Long.class).single());
            position++;
        }
        Contract contract = programmes.addContractUnchecked(new NewContract(code + "-C", programme.id(), org(provider),
                org(commissioner), "Test area", startsOn, endsOn, null));
        return new Setup(programme, contract, ids);
    }

    long org(String name) {
        return organisations.findByName(name).orElseThrow().id();
    }

    static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }
}
