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
package dev.ddbstreams.testkit.lambda.internal;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lambda {@link Context} for one local invocation: a request ID, a function name and a deadline
 * that {@link #getRemainingTimeInMillis()} counts down to. The logger writes to SLF4J.
 */
public final class LocalLambdaContext implements Context {
  private static final Logger LOG =
      LoggerFactory.getLogger("dev.ddbstreams.testkit.lambda.LocalFunction");
  private static final LambdaLogger LAMBDA_LOGGER =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          LOG.info(message);
        }

        @Override
        public void log(byte[] message) {
          LOG.info(new String(message, StandardCharsets.UTF_8));
        }
      };

  private final String requestId;
  private final String functionName;
  private final Instant deadline;
  private final Clock clock;

  /**
   * Creates a context whose deadline is {@code timeout} from now.
   *
   * @param requestId the request ID
   * @param functionName the function name
   * @param timeout the function timeout
   * @param clock the clock the remaining time is measured with
   */
  public LocalLambdaContext(String requestId, String functionName, Duration timeout, Clock clock) {
    this.requestId = requestId;
    this.functionName = functionName;
    this.clock = clock;
    this.deadline = clock.instant().plus(timeout);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:local:000000000000:function:" + functionName;
  }

  @Override
  public @Nullable CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public @Nullable ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    long left = Duration.between(clock.instant(), deadline).toMillis();
    return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return LAMBDA_LOGGER;
  }
}
