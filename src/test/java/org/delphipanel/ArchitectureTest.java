package org.delphipanel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the arrows of docs/architecture.md (and STYLE.md) true as the code grows. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.delphipanel");
    }

    @Test
    void the_statistics_core_depends_only_on_the_jdk_commons_math_and_jspecify() {
        classes().that().resideInAPackage("org.delphipanel.stats..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "org.apache.commons.math3..", "org.jspecify..", "org.delphipanel.stats..")
                .check(classes);
    }

    @Test
    void vaadin_is_used_only_in_views_and_security() {
        noClasses().that().resideOutsideOfPackages("..ui..", "org.delphipanel.security..")
                .and().doNotHaveFullyQualifiedName("org.delphipanel.Application")
                .should().dependOnClassesThat().resideInAPackage("com.vaadin..")
                .check(classes);
    }

    @Test
    void jooq_and_generated_tables_stay_in_repositories() {
        noClasses().that().resideInAnyPackage("..ui..", "org.delphipanel.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.delphipanel.db..")
                .check(classes);
    }

    @Test
    void the_statistics_core_knows_nothing_of_spring() {
        noClasses().that().resideInAPackage("org.delphipanel.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(classes);
    }

    @Test
    void features_have_no_cycles() {
        slices().matching("org.delphipanel.(*)..")
                .should().beFreeOfCycles()
                .check(classes);
    }
}
