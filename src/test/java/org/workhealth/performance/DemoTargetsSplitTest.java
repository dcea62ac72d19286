package org.workhealth.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.workhealth.calendar.FinancialYear;
import org.workhealth.programme.Programme;
import org.workhealth.programme.Programmes;

/**
 * The demo's Thrive into Work 2025/26 targets are the board table's programme figures shared between the
 * two delivery partners by the largest remainder: the contracts' parts add up to the programme's figures,
 * never one more from rounding each half up.
 */
@SpringBootTest
class DemoTargetsSplitTest {

    @Autowired
    Programmes programmes;
    @Autowired
    KpiTargets targets;
    @Autowired
    KpiDefinitions definitions;
    @Autowired
    ContractLookup contracts;

    @Test
    void theContractsTargetsAddUpToTheProgrammesFigures() {
        Programme thrive = programmes.findByCode("TIW").orElseThrow();
        List<Long> ids = contracts.idsOfProgramme(thrive.id());
        List<KpiTarget> saved = targets.forContracts(ids, FinancialYear.of(2025));
        Map<Long, String> codes = definitions.forProgramme(thrive.id()).stream()
                .collect(Collectors.toMap(KpiDefinition::id, KpiDefinition::code));

        assertThat(sum(saved, codes, "ENGAGEMENTS_OOW")).containsExactly(1343, 386, 409, 423);
        assertThat(sum(saved, codes, "ENGAGEMENTS_IW")).containsExactly(412, 128, 137, 141);
        assertThat(sum(saved, codes, "NEW_STARTS")).containsExactly(313, 60, 142, 156);
        assertThat(sum(saved, codes, "RETENTIONS")).containsExactly(186, 26, 63, 72);
        // Shared, not given whole to one contract: each of the two holds about half.
        assertThat(saved.stream().filter(t -> codes.get(t.kpiDefinitionId()).equals("ENGAGEMENTS_OOW"))
                .map(KpiTarget::total)).containsExactlyInAnyOrder(672, 671);
    }

    /** Total, then the Q1 to Q3 forecasts, summed over the contracts. */
    private static List<Integer> sum(List<KpiTarget> saved, Map<Long, String> codes, String code) {
        List<KpiTarget> ofKpi = saved.stream().filter(t -> codes.get(t.kpiDefinitionId()).equals(code)).toList();
        assertThat(ofKpi).hasSize(2);
        return List.of(ofKpi.stream().mapToInt(KpiTarget::total).sum(),
                ofKpi.stream().mapToInt(t -> t.forecast(1).forecast()).sum(),
                ofKpi.stream().mapToInt(t -> t.forecast(2).forecast()).sum(),
                ofKpi.stream().mapToInt(t -> t.forecast(3).forecast()).sum());
    }
}
