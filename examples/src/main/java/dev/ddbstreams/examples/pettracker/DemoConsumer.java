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
package dev.ddbstreams.examples.pettracker;

/**
 * One way of feeding the PetTracker stream to the router, as the demo's {@link Mode}s do: direct
 * batches, the local Lambda event source mapping, and (later) KCL. Not thread-safe: the demo calls
 * it from one thread.
 */
interface DemoConsumer extends AutoCloseable {
  /** Delivers the records written since the last call, until the stream is caught up. */
  void deliverNew();

  /** Delivers every record again from the start of the stream, as after a lost checkpoint. */
  void redeliverAll();

  /** Returns how many failures delivery saw: failed records, or failed and dropped batches. */
  long failures();

  /** Returns a line for the report: how records were delivered and what that took. */
  String summary();

  @Override
  void close();
}
