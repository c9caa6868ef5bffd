package dev.ddbstreams;

import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * A record a handler could not process after every in-process attempt, with what is needed to
 * process it later: the whole raw record, the handler and the error.
 *
 * @param record the raw record, images included
 * @param handlerId the stable ID of the handler that failed
 * @param error the last exception the handler threw
 * @param attempts how many times the handler was tried
 * @param context the batch the record came in
 */
public record DeadLetter(
    Record record, String handlerId, Throwable error, int attempts, BatchContext context) {}
