package dev.ddbstreams.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against embedded DynamoDB Local: test methods, constructors and
 * lifecycle methods may declare parameters of type {@link DynamoDbLocal}, {@code DynamoDbClient} or
 * {@code DynamoDbStreamsClient}, which receive the JVM's shared instance and its clients.
 *
 * <pre>{@code
 * @DynamoDbLocalTest
 * class PetHandlersTest {
 *   @Test
 *   void welcomesNewPets(DynamoDbClient ddb, DynamoDbStreamsClient streams) {
 *     StreamTable table = StreamTable.builder().create(ddb);
 *     ddb.putItem(...);
 *     StreamTap.of(streams, table.streamArn(), router).drain(1, Duration.ofSeconds(10));
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(DynamoDbLocalExtension.class)
public @interface DynamoDbLocalTest {}
