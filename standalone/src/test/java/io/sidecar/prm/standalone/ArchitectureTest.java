package io.sidecar.prm.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the module boundaries honest: the two sides never import each other, and the published language
 * (shared-events) stays free of Spring and MongoDB.
 */
@AnalyzeClasses(packages = "io.sidecar.prm", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule commandSideDoesNotUseTheQuerySide = noClasses()
            .that()
            .resideInAPackage("io.sidecar.prm.command..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.sidecar.prm.query..");

    @ArchTest
    static final ArchRule querySideDoesNotUseTheCommandSide = noClasses()
            .that()
            .resideInAPackage("io.sidecar.prm.query..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.sidecar.prm.command..");

    @ArchTest
    static final ArchRule sharedEventsStayFreeOfSpringAndMongo = noClasses()
            .that()
            .resideInAPackage("io.sidecar.prm.events..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "com.mongodb..",
                    "org.bson..",
                    "io.sidecar.prm.command..",
                    "io.sidecar.prm.query..",
                    "io.sidecar.prm.standalone..");
}
