package dev.ddbstreams.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.reflect.Constructor;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Images may hold personal data, so no public type of a published module may print one. Every
 * public record that could hold a stream record, an attribute value, an untyped map or an exception
 * (whose message may quote an item) is built with a secret in each such component and printed: a
 * record whose generated {@code toString} prints it must declare its own. Classes that are not
 * records print only what their own {@code toString} chooses, and are reviewed with their code.
 * Runs here because the examples module sees every published module.
 */
class NoValuesInToStringTest {

  private static final String SECRET = "Jane-Doe-555-0101";

  @Test
  void everyPublicRecordThatCouldHoldValuesPrintsNoneOfThem() throws Exception {
    List<String> leaks = new ArrayList<>();
    int audited = 0;
    for (JavaClass javaClass :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // The published modules only: their classes, or their jars in a full build.
            .withImportOption(location -> !location.isJar() || location.contains("ddbstreams-"))
            .importPackages("dev.ddbstreams")) {
      if (javaClass.getPackageName().startsWith("dev.ddbstreams.examples")
          || javaClass.getPackageName().startsWith("dev.ddbstreams.benchmarks")) {
        continue;
      }
      Class<?> type = javaClass.reflect();
      if (!type.isRecord() || !isPublicApi(type)) {
        continue;
      }
      RecordComponent[] components = type.getRecordComponents();
      if (Arrays.stream(components).noneMatch(c -> mayHoldValues(c.getGenericType()))) {
        continue;
      }
      // Fill every component that may hold values with the secret, and print the record.
      Object[] args = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        args[i] = valueFor(components[i].getGenericType());
      }
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      String printed = canonical.newInstance(args).toString();
      audited++;
      if (printed.contains(SECRET)) {
        leaks.add(type.getName() + ": " + printed);
      }
    }
    assertThat(audited).as("records audited").isGreaterThanOrEqualTo(3);
    assertThat(leaks).as("records whose toString prints values").isEmpty();
  }

  /** Public, and nested only in public types: reachable from outside its package. */
  private static boolean isPublicApi(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
      if (!Modifier.isPublic(c.getModifiers())) {
        return false;
      }
    }
    return true;
  }

  /** A value of the type that carries the secret wherever the type can carry a value. */
  private static Object valueFor(Type type) {
    Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : erasure(type);
    Type element =
        type instanceof ParameterizedType p
            ? p.getActualTypeArguments()[p.getActualTypeArguments().length - 1]
            : Object.class;
    if (raw == Record.class) {
      return Record.builder()
          .eventID("event-1")
          .eventName("MODIFY")
          .dynamodb(
              d ->
                  d.keys(Map.of("PK", AttributeValue.fromS("USER#1")))
                      .newImage(Map.of("owner", AttributeValue.fromS(SECRET)))
                      .oldImage(Map.of("owner", AttributeValue.fromS(SECRET)))
                      .sequenceNumber("1"))
          .build();
    }
    if (raw == AttributeValue.class) {
      return AttributeValue.fromS(SECRET);
    }
    if (Throwable.class.isAssignableFrom(raw)) {
      return new IllegalStateException(SECRET);
    }
    if (raw == List.class || raw == Collection.class || raw == Iterable.class) {
      return List.of(valueFor(element));
    }
    if (raw == Set.class) {
      return Set.of(valueFor(element));
    }
    if (raw == Map.class) {
      return Map.of("attribute", valueFor(element));
    }
    if (raw == Object.class) {
      return SECRET;
    }
    if (raw == String.class || raw == CharSequence.class) {
      // Names, IDs, ARNs and sequence numbers: coordinates, which may be printed.
      return "x";
    }
    if (raw == int.class) {
      return 0;
    }
    if (raw == long.class) {
      return 0L;
    }
    if (raw == boolean.class) {
      return false;
    }
    if (raw == double.class) {
      return 0.0;
    }
    if (raw.isEnum()) {
      return raw.getEnumConstants()[0];
    }
    if (raw == Instant.class) {
      return Instant.EPOCH;
    }
    if (raw == Duration.class) {
      return Duration.ZERO;
    }
    return null;
  }

  private static Class<?> erasure(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  /** Whether printing a value of this type may print item values or exception messages. */
  private static boolean mayHoldValues(Type type) {
    if (type instanceof TypeVariable<?> || type instanceof WildcardType) {
      return true;
    }
    if (type instanceof GenericArrayType array) {
      return mayHoldValues(array.getGenericComponentType());
    }
    if (type instanceof ParameterizedType p) {
      if (mayHoldValues(p.getRawType())) {
        return true;
      }
      for (Type arg : p.getActualTypeArguments()) {
        if (mayHoldValues(arg)) {
          return true;
        }
      }
      return false;
    }
    Class<?> c = (Class<?>) type;
    if (c.isArray()) {
      return mayHoldValues(c.getComponentType());
    }
    return c == Object.class
        || Throwable.class.isAssignableFrom(c)
        || c.getName().startsWith("software.amazon.awssdk.services.dynamodb.model.")
        || (Map.class.isAssignableFrom(c) && c.getTypeParameters().length == 0);
  }
}
