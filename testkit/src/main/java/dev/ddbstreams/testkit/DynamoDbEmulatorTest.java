package dev.ddbstreams.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a JUnit 5 test class against the project's DynamoDB emulator ({@code ddbstreams-emulator}):
 * test methods, constructors and lifecycle methods may declare parameters of type {@code
 * DynamoDbEmulator}, {@code DynamoDbClient}, {@code DynamoDbAsyncClient}, {@code
 * DynamoDbEnhancedClient} or {@code DynamoDbStreamsClient}, which receive the JVM's shared emulator
 * and its clients.
 *
 * <pre>{@code
 * @DynamoDbEmulatorTest
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
@ExtendWith(DynamoDbEmulatorExtension.class)
public @interface DynamoDbEmulatorTest {}
