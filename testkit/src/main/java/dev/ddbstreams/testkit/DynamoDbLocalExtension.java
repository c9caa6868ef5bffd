package dev.ddbstreams.testkit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The JUnit 5 extension behind {@link DynamoDbLocalTest}: resolves {@link DynamoDbLocal}, {@code
 * DynamoDbClient} and {@code DynamoDbStreamsClient} parameters to the JVM's shared embedded
 * instance, started on first use. Tests keep apart by creating their own tables ({@link
 * StreamTable#uniqueName(String)}).
 */
public final class DynamoDbLocalExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == DynamoDbLocal.class
        || type == DynamoDbClient.class
        || type == DynamoDbStreamsClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    DynamoDbLocal local = DynamoDbLocal.shared();
    if (type == DynamoDbClient.class) {
      return local.client();
    }
    if (type == DynamoDbStreamsClient.class) {
      return local.streamsClient();
    }
    return local;
  }
}
