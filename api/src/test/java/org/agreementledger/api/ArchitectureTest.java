package org.agreementledger.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the house, checked on the compiled main classes of all three modules. */
class ArchitectureTest {

    private static final String CHAIN = "org.agreementledger.ledger.chain..";
    private static final Pattern EVENT_TABLE_WRITE = Pattern.compile(
            "(?i)\\b(insert\\s+into|update|delete\\s+from|truncate(\\s+table)?)\\s+domain_event_entry\\b");

    private static JavaClasses mainClasses;

    @BeforeAll
    static void importMainClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.agreementledger");
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.agreementledger.(**)").should().beFreeOfCycles().check(mainClasses);
    }

    @Test
    void theWriteSideKnowsNothingOfTheReadSideTheServiceOrTheWeb() {
        noClasses().that().resideInAPackage("org.agreementledger.ledger..")
                .should().dependOnClassesThat().resideInAnyPackage("org.agreementledger.projections..",
                        "org.agreementledger.api..", "org.springframework.web..", "jakarta.servlet..")
                .check(mainClasses);
    }

    @Test
    void theDomainIsFreeOfSpring() {
        noClasses().that().resideInAnyPackage("org.agreementledger.ledger.domain..",
                        "org.agreementledger.ledger.command..", "org.agreementledger.ledger.event..",
                        "org.agreementledger.ledger.agreement..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .check(mainClasses);
    }

    /** An auditor checks proofs and checkpoints with nothing but a JDK: they depend on nothing else. */
    @Test
    void theMerkleTreeAndCheckpointsNeedOnlyTheJdk() {
        classes().that().resideInAnyPackage("org.agreementledger.ledger.merkle..",
                        "org.agreementledger.ledger.checkpoint..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.agreementledger.ledger.merkle..",
                        "org.agreementledger.ledger.checkpoint..")
                .check(mainClasses);
    }

    @Test
    void theReadSideKnowsNothingOfTheService() {
        noClasses().that().resideInAPackage("org.agreementledger.projections..")
                .should().dependOnClassesThat().resideInAPackage("org.agreementledger.api..")
                .check(mainClasses);
    }

    @Test
    void problemAnswersDependOnNoOtherPartOfTheService() {
        noClasses().that().resideInAPackage("org.agreementledger.api.problem..")
                .should().dependOnClassesThat(resideInAPackage("org.agreementledger.api..")
                        .and(not(resideInAPackage("org.agreementledger.api.problem.."))))
                .check(mainClasses);
    }

    @Test
    void onlyTheChainAppendsEventsOrBuildsAnUnchainedEventStore() {
        noClasses().that().resideOutsideOfPackage(CHAIN)
                .should().callMethod(EventStorageEngine.class, "appendEvents", List.class)
                .orShould().callMethod(JdbcEventStorageEngine.Builder.class, "build")
                .check(mainClasses);
    }

    /** SQL lives in strings, which class files do not show as dependencies: the sources are read instead. */
    @Test
    void onlyTheChainWritesTheEventTableInSql() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path chain = root.resolve(Path.of("ledger", "src", "main", "java", "org", "agreementledger", "ledger", "chain"));
        assertThat(chain).as("the chain package is where this test looks for it").isDirectory();
        List<Path> writers = new ArrayList<>();
        for (String module : List.of("ledger", "projections", "api")) {
            try (Stream<Path> files = Files.walk(root.resolve(Path.of(module, "src", "main", "java")))) {
                files.filter(file -> file.toString().endsWith(".java") && !file.startsWith(chain))
                        .filter(file -> EVENT_TABLE_WRITE.matcher(read(file)).find())
                        .forEach(file -> writers.add(root.relativize(file)));
            }
        }
        assertThat(writers).as("main sources outside the chain package that write domain_event_entry").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
