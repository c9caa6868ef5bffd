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

import dev.ddbstreams.StreamRouter;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The PetTracker router for {@code FilterCriteriaPrinter}, which prints the event source mapping's
 * {@code FilterCriteria} for examples/sam/template.yaml:
 *
 * <pre>
 * java -Daws.region=us-east-1 -cp "$(cat examples/target/classpath.txt)" \
 *     dev.ddbstreams.filter.FilterCriteriaPrinter \
 *     dev.ddbstreams.examples.pettracker.PetTrackerFilterCriteria
 * </pre>
 */
public final class PetTrackerFilterCriteria implements Supplier<StreamRouter> {
  @Override
  public StreamRouter get() {
    // With an idempotency table, as deployed: the summaries and the leaderboard need one.
    return PetTrackerRouter.fromSettings(
        Map.of("TABLE_NAME", "PetTracker", "IDEMPOTENCY_TABLE", "PetTrackerIdempotency")::get);
  }
}
