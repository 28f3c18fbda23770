package org.delphipanel.authz;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;

/** Finds the places in views and the API that call a given method, from the compiled classes (ArchUnit). */
final class UncheckedCallers {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.delphipanel");

    private UncheckedCallers() {
    }

    /** "Caller.method -> Owner.name" for each call from a class in a {@code ui} or {@code api} package. */
    static List<String> viewsAndApiCalling(Class<?> owner, String... names) {
        Set<String> wanted = Set.of(names);
        return MAIN.stream()
                .filter(type -> type.getPackageName().matches(".*\\.(ui|api)(\\..*)?"))
                .flatMap(type -> type.getMethodCallsFromSelf().stream())
                .filter(call -> call.getTarget().getOwner().isEquivalentTo(owner) && wanted.contains(call.getTarget().getName()))
                .map(call -> call.getOrigin().getFullName() + " -> " + owner.getSimpleName() + "." + call.getTarget().getName())
                .toList();
    }
}
