package dev.ddbstreams.testkit;

import dev.ddbstreams.BatchResult;

/** Entry points of the testkit's AssertJ assertions. */
public final class StreamAssertions {
  private StreamAssertions() {}

  /**
   * Starts assertions on a batch result.
   *
   * @param result the result
   * @return the assertion
   */
  public static BatchResultAssert assertThat(BatchResult result) {
    return new BatchResultAssert(result);
  }
}
