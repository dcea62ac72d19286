package org.workhealth;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules of docs/design.md talk only through each other's public API; this fails on any other
 * dependency or a cycle in the application's code. Tests are left out: an integration test may
 * set up data through several modules' APIs without making those modules depend on each other.
 */
class ModularityTests {

    /** Compiled tests, wherever the build puts them (target/ or another -Dbuild.dir). */
    private static final ImportOption APPLICATION_CODE_ONLY = location -> !location.contains("/test-classes/");

    private final ApplicationModules modules = ApplicationModules.of(WorkHealthApplication.class,
            APPLICATION_CODE_ONLY);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
