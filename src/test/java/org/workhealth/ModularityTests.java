package org.workhealth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.springframework.modulith.core.ApplicationModule;
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

    /**
     * Public types in a module's top package that no other module uses yet. The API's authentication is for the FHIR
     * module, built beside it, and the daily job for the message digests: take each off once its user is merged.
     */
    private static final Set<String> NOT_YET_INTERNAL = Set.of("org.workhealth.api.ApiAuthentication",
            "org.workhealth.api.ApiCaller", "org.workhealth.api.ApiScope", "org.workhealth.platform.DailyJob");

    private final ApplicationModules modules = ApplicationModules.of(WorkHealthApplication.class,
            APPLICATION_CODE_ONLY);

    @Test
    void modulesOnlyUseEachOthersPublicApi() {
        modules.verify();
    }

    /**
     * A module's API is what other modules use: a public type in its top package that no other module uses belongs
     * under its {@code internal} package (or is package-private), so it cannot become API by accident.
     */
    @Test
    void everyPublicTypeOfAModulesApiIsUsedByAnotherModule() {
        List<String> unused = new ClassFileImporter().withImportOption(APPLICATION_CODE_ONLY)
                .importPackages("org.workhealth").stream()
                .filter(type -> type.getModifiers().contains(JavaModifier.PUBLIC) && !type.isNestedClass())
                .filter(type -> !type.isEquivalentTo(WorkHealthApplication.class))
                .filter(type -> modules.getModuleByType(type.getName()).filter(m -> inApi(m, type)).isPresent())
                .filter(type -> !usedOutsideItsModule(type))
                .map(JavaClass::getName).sorted().toList();
        assertThat(unused).as("public types no other module uses").isSubsetOf(NOT_YET_INTERNAL);
        assertThat(NOT_YET_INTERNAL).as("moved or now used elsewhere: take them off the list").isSubsetOf(unused);
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
    }

    private static boolean inApi(ApplicationModule module, JavaClass type) {
        return type.getPackageName().equals(module.getBasePackage().getName())
                || module.getNamedInterfaces().stream().anyMatch(i -> !i.isUnnamed() && i.contains(type));
    }

    private boolean usedOutsideItsModule(JavaClass type) {
        String home = modules.getModuleByType(type.getName()).map(ApplicationModule::getIdentifier)
                .map(Object::toString).orElse("");
        return type.getDirectDependenciesToSelf().stream().map(d -> d.getOriginClass().getName())
                .map(modules::getModuleByType)
                .anyMatch(m -> m.isPresent() && !m.get().getIdentifier().toString().equals(home));
    }
}
