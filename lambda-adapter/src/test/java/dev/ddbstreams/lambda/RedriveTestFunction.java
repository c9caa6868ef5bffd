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
package dev.ddbstreams.lambda;

import dev.ddbstreams.StreamRouter;
import java.util.List;
import java.util.Set;

/**
 * A function class as the redrive command loads it, by name with its no-argument constructor: its
 * handlers record into a shared list, and fail on the items named in {@link #broken}.
 */
public final class RedriveTestFunction extends DynamoDbStreamJsonLambda {
  /** The items the handler fails on; a test sets it before the command runs. */
  static volatile Set<String> broken = Set.of();

  /** The handlers of the last instance made. */
  static volatile RedriveFixtures.Recording last = new RedriveFixtures.Recording(Set.of());

  private final StreamRouter router;

  /** Makes the function, as the Lambda runtime (and the redrive command) does. */
  public RedriveTestFunction() {
    RedriveFixtures.Recording handlers = new RedriveFixtures.Recording(broken);
    last = handlers;
    this.router = StreamRouter.builder().handlers(handlers).build();
  }

  static List<String> handled() {
    return last.handled;
  }

  @Override
  protected StreamRouter router() {
    return router;
  }
}
