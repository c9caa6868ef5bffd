package dev.ddbstreams.emulator.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One API operation ({@code PutItem}, {@code GetRecords}, ...): takes the request's JSON body and
 * returns the response's, or throws {@link AwsException}.
 *
 * <p>Implementations are called from many HTTP threads at once.
 */
@FunctionalInterface
public interface Operation {

  /**
   * Runs the operation.
   *
   * @param request the parsed request body (an empty object when the body was empty)
   * @return the response body
   * @throws AwsException for every error the service would answer with
   */
  JsonNode handle(ObjectNode request);
}
