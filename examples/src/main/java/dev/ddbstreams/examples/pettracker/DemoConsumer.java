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
