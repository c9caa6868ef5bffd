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
package dev.ddbstreams.internal.router;

import dev.ddbstreams.idempotency.IdempotencyKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The {@code ClientRequestToken} of a transactional commit: derived from the idempotency key, the
 * lease and the in-process attempt. The SDK's retries of one commit send it unchanged, so a commit
 * whose answer was lost is not applied twice. Every other commit gets a token of its own, because
 * DynamoDB refuses a token reused within 10 minutes with other writes ({@code
 * IdempotentParameterMismatchException}); a second commit of a pair that went through is stopped by
 * the idempotency record's lease condition instead.
 */
final class CommitTokens {
  /** DynamoDB's longest token. */
  static final int LENGTH = 36;

  private CommitTokens() {}

  static String of(IdempotencyKey key, Instant leaseExpiry, int attempt) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
    String input = key.value() + '\n' + leaseExpiry.toEpochMilli() + '\n' + attempt;
    byte[] digest = sha.digest(input.getBytes(StandardCharsets.UTF_8));
    // 5 + 30 characters: within the 36 allowed, and 120 bits of the digest.
    return "ddbs-" + HexFormat.of().formatHex(digest, 0, 15);
  }
}
