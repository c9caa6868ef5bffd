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
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module boundaries of DESIGN.md: core sees no Lambda or KCL type, adapters do not reach
 * into each other, nothing outside a module imports that module's internal packages, and core's
 * feature packages (diff, filter, idempotency) make only their API public. Runs here because the
 * examples module sees every published module.
 */
class ArchitectureTest {
  private static final String[] FEATURE_PACKAGES = {
    "dev.ddbstreams.diff", "dev.ddbstreams.filter", "dev.ddbstreams.idempotency"
  };

  /** The public types of the feature packages, nested types included with their outer type. */
  private static final Set<String> FEATURE_API =
      Set.of(
          "dev.ddbstreams.diff.AttributeChange",
          "dev.ddbstreams.diff.ImageDiff",
          "dev.ddbstreams.filter.FilterCriteria",
          "dev.ddbstreams.filter.FilterCriteriaPrinter",
          "dev.ddbstreams.filter.FilterPattern",
          "dev.ddbstreams.filter.FilterPatternException",
          "dev.ddbstreams.idempotency.DynamoDbIdempotencyStore",
          "dev.ddbstreams.idempotency.HandlerInProgressException",
          "dev.ddbstreams.idempotency.IdempotencyKey",
          "dev.ddbstreams.idempotency.IdempotencyKeyStrategy",
          "dev.ddbstreams.idempotency.IdempotencyState",
          "dev.ddbstreams.idempotency.IdempotencyStore",
          "dev.ddbstreams.idempotency.IdempotencyStoreException",
          "dev.ddbstreams.idempotency.InMemoryIdempotencyStore",
          "dev.ddbstreams.idempotency.TransactionalIdempotencyStore");

  private static final String INTERNAL = "dev.ddbstreams.internal.";

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.ddbstreams");
  }

  /**
   * No dependency loop runs between core's internal packages and the rest of core: the static
   * factories of public interfaces reach the internal implementations through package-private faces
   * ({@code BuiltInMapper}, {@code HandlerWrites}), and internal code never needs those interfaces
   * back. Inside one package a public type and its package-private implementation may refer to each
   * other, as a static factory and what it returns do. Loops are found on the class files'
   * dependencies, nested classes counted with their top-level class.
   */
  @Test
  void noLoopRunsBetweenCoreAndItsInternalPackages() {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (JavaClass type : classes) {
      if (!isCore(type)) {
        continue;
      }
      String from = topLevel(type).getName();
      Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
      for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
        JavaClass target = dependency.getTargetClass();
        if (isCore(target) && !topLevel(target).getName().equals(from)) {
          targets.add(topLevel(target).getName());
        }
      }
    }
    List<String> mixedLoops = new ArrayList<>();
    for (Set<String> loop : stronglyConnected(uses)) {
      boolean internal = loop.stream().anyMatch(name -> name.startsWith(INTERNAL));
      boolean outside = loop.stream().anyMatch(name -> !name.startsWith(INTERNAL));
      if (internal && outside) {
        mixedLoops.add(loop.toString());
      }
    }
    assertThat(uses).hasSizeGreaterThan(100);
    assertThat(mixedLoops).as("loops between core's internal packages and the rest").isEmpty();
  }

  private static boolean isCore(JavaClass type) {
    String name = type.getPackageName();
    return name.equals("dev.ddbstreams")
        || name.startsWith("dev.ddbstreams.internal")
        || name.equals("dev.ddbstreams.annotation")
        || name.equals("dev.ddbstreams.backfill")
        || name.equals("dev.ddbstreams.diff")
        || name.equals("dev.ddbstreams.filter")
        || name.equals("dev.ddbstreams.idempotency");
  }

  private static JavaClass topLevel(JavaClass type) {
    JavaClass outer = type;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }

  /** Tarjan's strongly connected components of a small graph. */
  private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
    Map<String, Integer> index = new HashMap<>();
    Map<String, Integer> low = new HashMap<>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> components = new ArrayList<>();
    for (String node : graph.keySet()) {
      if (!index.containsKey(node)) {
        connect(node, graph, index, low, stack, onStack, components);
      }
    }
    return components;
  }

  private static void connect(
      String node,
      Map<String, Set<String>> graph,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> components) {
    index.put(node, index.size());
    low.put(node, index.get(node));
    stack.push(node);
    onStack.add(node);
    for (String next : graph.getOrDefault(node, Set.of())) {
      if (!index.containsKey(next)) {
        connect(next, graph, index, low, stack, onStack, components);
        low.put(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.contains(next)) {
        low.put(node, Math.min(low.get(node), index.get(next)));
      }
    }
    if (low.get(node).equals(index.get(node))) {
      Set<String> component = new TreeSet<>();
      String member;
      do {
        member = stack.pop();
        onStack.remove(member);
        component.add(member);
      } while (!member.equals(node));
      components.add(component);
    }
  }

  @Test
  void coreImportsNoLambdaKclOrTestType() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.ddbstreams",
            "dev.ddbstreams.annotation",
            "dev.ddbstreams.backfill",
            "dev.ddbstreams.diff",
            "dev.ddbstreams.filter",
            "dev.ddbstreams.idempotency",
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
  void adaptersDoNotReachIntoTheTestkit() {
    // The local event source mapping and local KCL are test support: a deployed function or
    // consumer carries none of the testkit.
    noClasses()
        .that()
        .resideInAnyPackage("dev.ddbstreams.lambda..", "dev.ddbstreams.kcl..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.ddbstreams.testkit..", "com.amazonaws.services.lambda.runtime.serialization..")
        .check(classes);
  }

  @Test
  void testkitDoesNotDependOnTheLambdaAdapter() {
    // The local event source mapping runs any Lambda stream handler and gives its on-failure
    // destination the JSON Lambda sends, so the adapter's own tests can use the testkit (Maven
    // allows no cycle, even at test scope).
    noClasses()
        .that()
        .resideInAPackage("dev.ddbstreams.testkit..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.ddbstreams.lambda..")
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
    internalsStayHome(
        "dev.ddbstreams.internal..",
        "dev.ddbstreams",
        "dev.ddbstreams.annotation",
        "dev.ddbstreams.diff",
        "dev.ddbstreams.filter",
        "dev.ddbstreams.idempotency",
        "dev.ddbstreams.lambda..",
        "dev.ddbstreams.kcl..");
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
    internalsStayHome(
        "dev.ddbstreams.testkit.lambda.internal..", "dev.ddbstreams.testkit.lambda..");
    internalsStayHome("dev.ddbstreams.micrometer.internal..", "dev.ddbstreams.micrometer..");
  }

  @Test
  void featurePackagesMakePublicOnlyTheirApi() {
    // A feature package keeps its implementation package-private beside its API, so no class is
    // public only so that a neighbour can reach it. A new public type here is an API decision:
    // add it to FEATURE_API on purpose.
    classes()
        .that()
        .resideInAnyPackage(FEATURE_PACKAGES)
        .and()
        .arePublic()
        .should(beFeatureApi())
        .check(classes);
  }

  @Test
  void sharedInternalsDependOnNoPublicType() {
    // The shared internals (the attribute path) sit below every public package, so no import loop
    // can run between a public type and them.
    noClasses()
        .that()
        .resideInAPackage("dev.ddbstreams.internal")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.ddbstreams",
            "dev.ddbstreams.diff",
            "dev.ddbstreams.filter",
            "dev.ddbstreams.idempotency")
        .check(classes);
  }

  private static ArchCondition<JavaClass> beFeatureApi() {
    return new ArchCondition<>("be one of the feature packages' API types " + FEATURE_API) {
      @Override
      public void check(JavaClass javaClass, ConditionEvents events) {
        String topLevel = javaClass.getName().split("\\$", 2)[0];
        boolean api = FEATURE_API.contains(topLevel);
        events.add(
            new SimpleConditionEvent(
                javaClass,
                api,
                javaClass.getName()
                    + (api ? " is API" : " is public but not API: make it package-private")));
      }
    };
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
