/*
 * Copyright 2026 The ddbstreams maintainers
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package dev.ddbstreams.examples;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module boundaries of DESIGN.md: core sees no Lambda or KCL type, adapters do not reach
 * into each other, and nothing outside a module imports that module's internal packages. Runs here
 * because the examples module sees every published module.
 */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ddbstreams");
  }

  @Test
  void coreImportsNoLambdaKclOrTestType() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.ddbstreams",
            "dev.ddbstreams.annotation",
            "dev.ddbstreams.backfill",
            "dev.ddbstreams.internal..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "com.amazonaws.services.lambda..",
            "software.amazon.kinesis..",
            "com.amazonaws.services.dynamodbv2..",
            "software.amazon.dynamodb..",
            "org.junit..",
            "dev.ddbstreams.lambda..",
            "dev.ddbstreams.kcl..",
            "dev.ddbstreams.micrometer..",
            "io.micrometer..",
            "dev.ddbstreams.testkit..",
            "dev.ddbstreams.examples..")
        .check(classes);
  }

  @Test
  void micrometerBindingSeesOnlyCoresPublicApiAndMicrometer() {
    noClasses()
        .that()
        .resideInAPackage("dev.ddbstreams.micrometer..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.ddbstreams.internal..",
            "dev.ddbstreams.lambda..",
            "dev.ddbstreams.kcl..",
            "dev.ddbstreams.testkit..",
            "com.amazonaws.services.lambda..",
            "software.amazon.kinesis..")
        .check(classes);
  }

  @Test
  void adaptersDoNotDependOnMicrometer() {
    // Metrics reach the adapters through core's StreamObserver, so a Lambda jar carries no
    // Micrometer unless the user adds the binding.
    noClasses()
        .that()
        .resideInAnyPackage("dev.ddbstreams.lambda..", "dev.ddbstreams.kcl..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.micrometer..", "dev.ddbstreams.micrometer..")
        .check(classes);
  }

  @Test
  void lambdaAdapterDoesNotReachIntoKcl() {
    noClasses()
        .that()
        .resideInAPackage("dev.ddbstreams.lambda..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.ddbstreams.kcl..",
            "software.amazon.kinesis..",
            "com.amazonaws.services.dynamodbv2..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void kclAdapterDoesNotReachIntoLambda() {
    noClasses()
        .that()
        .resideInAPackage("dev.ddbstreams.kcl..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.ddbstreams.lambda..", "com.amazonaws.services.lambda..")
        .allowEmptyShould(true)
        .check(classes);
  }

  @Test
  void noModuleImportsAnotherModulesInternals() {
    // Core's record package is its one internal package its adapters may use: an adapter that
    // scans event bytes itself hands the router records whose images it has not decoded.
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "dev.ddbstreams.internal..",
            "dev.ddbstreams",
            "dev.ddbstreams.annotation",
            "dev.ddbstreams.lambda..",
            "dev.ddbstreams.kcl..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.ddbstreams.internal..")
        .check(classes);
    noClasses()
        .that()
        .resideInAnyPackage("dev.ddbstreams.lambda..", "dev.ddbstreams.kcl..")
        .should()
        .dependOnClassesThat(
            resideInAPackage("dev.ddbstreams.internal..")
                .and(not(resideInAPackage("dev.ddbstreams.internal.record.."))))
        .check(classes);
    internalsStayHome("dev.ddbstreams.lambda.internal..", "dev.ddbstreams.lambda..");
    internalsStayHome("dev.ddbstreams.kcl.internal..", "dev.ddbstreams.kcl..");
    internalsStayHome("dev.ddbstreams.testkit.internal..", "dev.ddbstreams.testkit..");
    internalsStayHome("dev.ddbstreams.micrometer.internal..", "dev.ddbstreams.micrometer..");
  }

  private static void internalsStayHome(String internal, String... owners) {
    String[] allowed = new String[owners.length + 1];
    allowed[0] = internal;
    System.arraycopy(owners, 0, allowed, 1, owners.length);
    noClasses()
        .that()
        .resideOutsideOfPackages(allowed)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(internal)
        .check(classes);
  }
}
