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
package dev.ddbstreams.lambda.internal;

import dev.ddbstreams.lambda.EventDecodingException;
import org.jspecify.annotations.Nullable;

/**
 * Collects the {@code eventSourceARN} of an event's records and fails when two differ: a batch is
 * one shard of one stream, and the router's context names a single stream.
 */
final class StreamArnCheck {
  private @Nullable String arn;

  /** Notes the ARN of record {@code index}; {@code null} ARNs are allowed and ignored. */
  void accept(@Nullable String recordArn, int index, @Nullable String eventId, String path) {
    if (recordArn == null) {
      return;
    }
    if (arn == null) {
      arn = recordArn;
    } else if (!arn.equals(recordArn)) {
      throw new EventDecodingException(
          index,
          eventId,
          path,
          "records of more than one stream in one event: "
              + recordArn
              + " after "
              + arn
              + "; a batch must come from one shard of one stream");
    }
  }

  @Nullable String arn() {
    return arn;
  }
}
