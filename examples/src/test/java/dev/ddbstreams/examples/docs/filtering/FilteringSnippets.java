package dev.ddbstreams.examples.docs.filtering;

import dev.ddbstreams.FilterCriteria;
import dev.ddbstreams.StreamRouter;
import java.util.List;

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
}
