package org.workhealth.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class OrganisationTreeTest {

    private static OrganisationSummary org(long id, String name, Long parent) {
        return new OrganisationSummary(id, name, "T", "Type", parent, null, null, 0);
    }

    @Test
    void parentsComeBeforeTheirChildrenWithTheirDepth() {
        List<OrganisationSummary> flat = OrganisationTree.flatten(List.of(org(3, "Bury", 2L), org(2, "NHS GM", 1L),
                org(1, "National", null), org(4, "Oldham", 2L), org(5, "Live Well", 3L)));
        assertThat(flat).extracting(OrganisationSummary::name)
                .containsExactly("National", "NHS GM", "Bury", "Live Well", "Oldham");
        assertThat(flat).extracting(OrganisationSummary::depth).containsExactly(0, 1, 2, 3, 2);
    }

    @Test
    void aScopeStartingBelowTheTopIsRootedAtItsHighestOrganisation() {
        List<OrganisationSummary> flat = OrganisationTree.flatten(List.of(org(3, "Bury", 2L), org(5, "Live Well", 3L)));
        assertThat(flat).extracting(OrganisationSummary::depth).containsExactly(0, 1);
    }
}
