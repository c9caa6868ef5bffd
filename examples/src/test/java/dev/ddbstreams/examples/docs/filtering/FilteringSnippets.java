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
package dev.ddbstreams.examples.docs.filtering;

import dev.ddbstreams.StreamRouter;
import dev.ddbstreams.filter.FilterCriteria;
import dev.ddbstreams.filter.FilterPattern;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.Record;

/** docs/filtering.md. */
final class FilteringSnippets {
  private FilteringSnippets() {}

  static List<String> criteria(StreamRouter router) {
    // tag::criteria[]
    FilterCriteria criteria = router.filterCriteria();
    criteria.json(); // {"Filters":[{"Pattern":"{\"dynamodb\":…}"}]}, or {} for no filter
    criteria.notes(); // what was left out, and why
    // end::criteria[]
    return criteria.notes();
  }

  static StreamRouter routerFilter(Object handlers) {
    // tag::router-filter[]
    StreamRouter router =
        StreamRouter.builder()
            .handlers(handlers)
            .filter("{\"dynamodb\": {\"Keys\": {\"PK\": {\"S\": [{\"prefix\": \"USER#\"}]}}}}")
            .build(); // other records are FILTERED: no handler sees them
    // end::router-filter[]
    return router;
  }

  static boolean matches(Record record) {
    // tag::pattern[]
    FilterPattern dogs =
        FilterPattern.parse("{\"dynamodb\": {\"NewImage\": {\"species\": {\"S\": [\"dog\"]}}}}");
    boolean isDog = dogs.matches(record); // an SDK v2 Record, or a StreamRecord
    dogs.warnings().forEach(w -> System.out.println(w.path() + ": " + w.message()));
    // end::pattern[]
    return isDog;
  }
}
