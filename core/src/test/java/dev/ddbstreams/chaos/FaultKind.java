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
package dev.ddbstreams.chaos;

/** Every fault the suites inject, by the boundary it is injected at. */
public enum FaultKind {
  /** A handler throws a RuntimeException before its side effect. */
  HANDLER_EXCEPTION,
  /** A handler throws an Error it survives (AssertionError, StackOverflowError, its own). */
  HANDLER_ERROR,
  /** A handler runs past the batch's deadline (or, without one, past its lease). */
  HANDLER_HANG,
  /** A handler is interrupted: it throws InterruptedException with its thread's flag set. */
  HANDLER_INTERRUPT,
  /** A handler throws an error of the JVM itself (InternalError) before its side effect. */
  HANDLER_FATAL,
  /** The worker dies between a handler's side effect and the store's complete. */
  CRASH_AFTER_EFFECT,
  /** The idempotency store fails on begin. */
  STORE_BEGIN,
  /** The idempotency store fails on complete. */
  STORE_COMPLETE,
  /** The idempotency store fails on release. */
  STORE_RELEASE,
  /** The dead-letter sink throws an exception. */
  SINK_EXCEPTION,
  /** The dead-letter sink throws an Error. */
  SINK_ERROR,
  /** Lambda: the function fails after the router finished, so the whole batch comes again. */
  WHOLE_BATCH_FAILURE,
  /** KCL: a checkpoint write to the lease table fails. */
  CHECKPOINT_FAILURE,
  /** KCL: another worker takes the shard's lease. */
  LEASE_LOST,
  /** KCL: the worker is shut down gracefully and another one started. */
  SHUTDOWN_REQUESTED,
  /** KCL: a shard's last record fails, so the shard ends while its batch is being retried. */
  SHARD_END_MID_RETRY
}
