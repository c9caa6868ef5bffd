package dev.ddbstreams.internal.router;

import dev.ddbstreams.BatchContext;
import dev.ddbstreams.DeadLetter;
import dev.ddbstreams.EventName;
import dev.ddbstreams.FilterPattern;
import dev.ddbstreams.HandlerInProgressException;
import dev.ddbstreams.IdempotencyKey;
import dev.ddbstreams.IdempotencyKeyStrategy;
import dev.ddbstreams.IdempotencyState;
import dev.ddbstreams.IdempotencyStoreException;
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.ImageMappingException;
import dev.ddbstreams.MalformedRecordException;
import dev.ddbstreams.MissingImageException;
import dev.ddbstreams.RecordOutcome;
import dev.ddbstreams.RecordStatus;
import dev.ddbstreams.StreamContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Record;

/**
 * Runs one record through its matching handlers: idempotency check, call with in-process retries,
 * dead-lettering, mark done. Thread-safe: it keeps no state between records.
 */
final class RecordProcessor {
  /** The handler ID used for records that fail before any handler, such as malformed ones. */
  static final String ROUTER_ID = "ddbstreams:router";

  private static final Logger LOG = LoggerFactory.getLogger("dev.ddbstreams.StreamRouter");

  private final RouterSettings settings;
  private final java.util.EnumMap<EventName, HandlerMethod[]> handlersByEvent =
      new java.util.EnumMap<>(EventName.class);

  RecordProcessor(RouterSettings settings, List<HandlerMethod> handlers) {
    this.settings = settings;
    for (EventName event : EventName.values()) {
      handlersByEvent.put(
          event,
          handlers.stream().filter(h -> h.events().contains(event)).toArray(HandlerMethod[]::new));
    }
  }

  RecordOutcome process(int index, Record raw, BatchContext context, @Nullable String streamArn) {
    RecordView view;
    List<HandlerMethod> matched;
    try {
      view = new RecordView(index, raw, streamArn, preferredMapper(raw));
      if (!passesRouterFilters(view)) {
        if (LOG.isDebugEnabled()) {
          LOG.debug("Filtered out {}", describe(view));
        }
        return outcome(view, RecordStatus.FILTERED, List.of(), List.of(), null, null);
      }
      matched = match(view);
    } catch (MalformedRecordException | MissingImageException | ImageMappingException e) {
      return poison(index, raw, context, e);
    }
    if (matched.isEmpty()) {
      if (LOG.isDebugEnabled()) {
        LOG.debug("No handler for {}", describe(view));
      }
      return outcome(view, RecordStatus.NO_MATCH, List.of(), List.of(), null, null);
    }
    List<String> handled = List.of();
    List<String> duplicates = settings.idempotencyStore() == null ? List.of() : new ArrayList<>(1);
    String deadLettered = null;
    Throwable deadLetterError = null;
    for (HandlerMethod handler : matched) {
      IdempotencyKey key = settings.idempotencyStore() == null ? null : key(handler, view);
      Throwable failure;
      try {
        if (key != null && !begin(key, handler, view, context, duplicates)) {
          continue;
        }
        try {
          failure = call(handler, view, context);
        } catch (VirtualMachineError fatal) {
          // The worker stops: give the lease back if the JVM still can, then let the error out.
          releaseQuietly(key);
          throw fatal;
        }
        if (failure == null) {
          complete(key);
          handled = append(handled, handler.id);
          continue;
        }
      } catch (IdempotencyStoreException | HandlerInProgressException e) {
        LOG.warn("Record {} not run by {}: {}", describe(view), handler.id, e.getMessage());
        return outcome(view, RecordStatus.FAILED, handled, duplicates, handler.id, e);
      }
      if (deadLetter(raw, handler.id, failure, context, view)) {
        complete(key);
        deadLettered = handler.id;
        deadLetterError = failure;
        continue;
      }
      release(key, view);
      return outcome(view, RecordStatus.FAILED, handled, duplicates, handler.id, failure);
    }
    if (deadLettered != null) {
      return outcome(
          view, RecordStatus.DEAD_LETTERED, handled, duplicates, deadLettered, deadLetterError);
    }
    RecordStatus status =
        handled.isEmpty() && !duplicates.isEmpty() ? RecordStatus.DUPLICATE : RecordStatus.HANDLED;
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {} by {}", status, describe(view), handled.isEmpty() ? duplicates : handled);
    }
    return outcome(view, status, handled, duplicates, null, null);
  }

  /** Adds to an ID list; most records have one handler, and List.of(id) is then final. */
  private static List<String> append(List<String> ids, String id) {
    if (ids.isEmpty()) {
      return List.of(id);
    }
    List<String> grown = ids instanceof ArrayList<String> ? ids : new ArrayList<>(ids);
    grown.add(id);
    return grown;
  }

  /** The image mapper of the first handler of the record's event, if it has one. */
  private @Nullable ImageMapper<?> preferredMapper(Record raw) {
    EventName event =
        switch (String.valueOf(raw.eventNameAsString())) {
          case "INSERT" -> EventName.INSERT;
          case "MODIFY" -> EventName.MODIFY;
          case "REMOVE" -> EventName.REMOVE;
          default -> null;
        };
    if (event == null) {
      return null;
    }
    for (HandlerMethod h : handlersByEvent.get(event)) {
      if (h.imageMapper() != null) {
        return h.imageMapper();
      }
    }
    return null;
  }

  /** Whether the record matches one of the router's filter patterns, or there are none. */
  private boolean passesRouterFilters(RecordView view) {
    List<FilterPattern> filters = settings.filters();
    if (filters.isEmpty()) {
      return true;
    }
    for (int i = 0; i < filters.size(); i++) {
      if (filters.get(i).matches(view.record)) {
        return true;
      }
    }
    return false;
  }

  private List<HandlerMethod> match(RecordView view) {
    HandlerMethod first = null;
    List<HandlerMethod> more = null;
    for (HandlerMethod h : handlersByEvent.get(view.eventName())) {
      if (h.matches(view, settings.partitionKey(), settings.sortKey())) {
        if (first == null) {
          first = h;
        } else {
          if (more == null) {
            more = new ArrayList<>(4);
            more.add(first);
          }
          more.add(h);
        }
      }
    }
    // Most records match one handler: no list to grow for them.
    return more != null ? more : first != null ? List.of(first) : List.of();
  }

  /** Returns true if the handler must run; false if it already finished this record. */
  private boolean begin(
      IdempotencyKey key,
      HandlerMethod handler,
      RecordView view,
      BatchContext context,
      List<String> duplicates) {
    Instant leaseExpiry =
        context
            .deadline()
            .orElseGet(() -> context.clock().instant().plus(settings.idempotencyLease()));
    IdempotencyState state = settings.idempotencyStore().begin(key, leaseExpiry);
    switch (state) {
      case NEW:
        return true;
      case COMPLETED:
        if (LOG.isDebugEnabled()) {
          LOG.debug("Duplicate {} for {}: already handled", describe(view), handler.id);
        }
        duplicates.add(handler.id);
        return false;
      default:
        throw new HandlerInProgressException(key);
    }
  }

  /** Calls a handler with the retry policy; returns the last failure, or null on success. */
  private @Nullable Throwable call(HandlerMethod handler, RecordView view, BatchContext context) {
    int max = settings.retryPolicy().maxAttempts();
    for (int attempt = 1; ; attempt++) {
      try {
        handler.invoke(
            view, handler.needsContext() ? new StreamContext(context, handler.id, attempt) : null);
        return null;
      } catch (Throwable e) {
        Fatal.rethrowIfFatal(e);
        if (isBadInput(e) || attempt >= max || !waitBeforeRetry(attempt, context)) {
          LOG.warn(
              "Handler {} failed on {} after {} attempt(s)",
              handler.id,
              describe(view),
              attempt,
              forLog(e));
          return e;
        }
        LOG.warn(
            "Handler {} failed on {} (attempt {} of {}), retrying: {}",
            handler.id,
            describe(view),
            attempt,
            max,
            e.getClass().getName());
      }
    }
  }

  private static boolean isBadInput(Throwable e) {
    return e instanceof MalformedRecordException
        || e instanceof MissingImageException
        || e instanceof ImageMappingException;
  }

  private boolean waitBeforeRetry(int failedAttempt, BatchContext context) {
    Duration wait = settings.retryPolicy().backoffAfter(failedAttempt);
    if (context.remainingTime().isPresent()
        && context.remainingTime().get().compareTo(wait.plus(settings.deadlineMargin())) < 0) {
      return false;
    }
    try {
      Thread.sleep(wait.toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private boolean deadLetter(
      Record raw, String handlerId, Throwable failure, BatchContext context, RecordView view) {
    if (settings.deadLetterSink() == null) {
      return false;
    }
    int attempts = isBadInput(failure) ? 1 : settings.retryPolicy().maxAttempts();
    try {
      settings.deadLetterSink().accept(new DeadLetter(raw, handlerId, failure, attempts, context));
      LOG.error(
          "Dead-lettered {} for {} after {} attempt(s): {}",
          view == null ? "record" : describe(view),
          handlerId,
          attempts,
          failure.getClass().getName());
      return true;
    } catch (Exception sinkFailure) {
      LOG.error("Dead-letter sink failed; the record counts as failed", forLog(sinkFailure));
      return false;
    }
  }

  private RecordOutcome poison(int index, Record raw, BatchContext context, RuntimeException e) {
    String eventId = raw.eventID();
    String sequence = raw.dynamodb() == null ? null : raw.dynamodb().sequenceNumber();
    if (settings.deadLetterSink() != null) {
      try {
        settings.deadLetterSink().accept(new DeadLetter(raw, ROUTER_ID, e, 1, context));
        LOG.error(
            "Dead-lettered malformed record eventID={} sequenceNumber={}",
            eventId,
            sequence,
            forLog(e));
        return new RecordOutcome(
            index,
            eventId,
            sequence,
            RecordStatus.DEAD_LETTERED,
            List.of(),
            List.of(),
            ROUTER_ID,
            e);
      } catch (Exception sinkFailure) {
        LOG.error("Dead-letter sink failed; the record counts as failed", forLog(sinkFailure));
      }
    }
    LOG.warn("Malformed record eventID={} sequenceNumber={}", eventId, sequence, forLog(e));
    return new RecordOutcome(
        index, eventId, sequence, RecordStatus.FAILED, List.of(), List.of(), ROUTER_ID, e);
  }

  private Throwable forLog(Throwable e) {
    return Redacted.forLog(e, settings.logExceptionMessages());
  }

  private void complete(@Nullable IdempotencyKey key) {
    if (key != null) {
      settings.idempotencyStore().complete(key);
    }
  }

  private void release(@Nullable IdempotencyKey key, RecordView view) {
    if (key == null) {
      return;
    }
    try {
      settings.idempotencyStore().release(key);
    } catch (RuntimeException e) {
      // The lease expires on its own; the retry waits for it instead of starting at once.
      LOG.warn(
          "Could not release the idempotency lease of {} for {}",
          describe(view),
          key.handlerId(),
          forLog(e));
    }
  }

  private void releaseQuietly(@Nullable IdempotencyKey key) {
    if (key == null) {
      return;
    }
    try {
      settings.idempotencyStore().release(key);
    } catch (Throwable ignored) {
      // Best effort on the way out of a broken JVM; the lease lapses on its own.
    }
  }

  private IdempotencyKey key(HandlerMethod handler, RecordView view) {
    String recordId =
        settings.idempotencyKeyStrategy() == IdempotencyKeyStrategy.EVENT_ID
            ? view.record.eventId()
            : itemAndSequence(view);
    return new IdempotencyKey(settings.idempotencyNamespace(), handler.id, recordId);
  }

  private static String itemAndSequence(RecordView view) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Map.Entry<String, AttributeValue> e : new TreeMap<>(view.record.keys()).entrySet()) {
        sha.update(e.getKey().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        AttributeValue v = e.getValue();
        String text =
            v.s() != null
                ? "S:" + v.s()
                : v.n() != null
                    ? "N:" + v.n()
                    : v.b() != null
                        ? "B:" + HexFormat.of().formatHex(v.b().asByteArrayUnsafe())
                        : "?:" + v.type();
        sha.update(text.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      sha.update(view.record.sequenceNumber().getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  private static RecordOutcome outcome(
      RecordView view,
      RecordStatus status,
      List<String> handled,
      List<String> duplicates,
      @Nullable String failedHandler,
      @Nullable Throwable failure) {
    return new RecordOutcome(
        view.index,
        view.record.eventId(),
        view.record.sequenceNumber(),
        status,
        handled,
        duplicates,
        failedHandler,
        failure);
  }

  static String describe(RecordView view) {
    return view.eventName()
        + " eventID="
        + view.record.eventId()
        + " sequenceNumber="
        + view.record.sequenceNumber()
        + " keys=["
        + KeyText.of(view.record.keys())
        + "]";
  }
}
