package dev.ddbstreams.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.protocol.Json;
import dev.ddbstreams.emulator.internal.protocol.Operation;
import dev.ddbstreams.emulator.internal.protocol.OperationRegistry;
import dev.ddbstreams.emulator.internal.table.Cancellations;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the emulator: one loopback port, {@code POST /} with an {@code X-Amz-Target}
 * header and a JSON 1.0 body, as the DynamoDB and DynamoDB Streams endpoints take them. Signatures
 * are accepted without being checked.
 */
final class HttpFront implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HttpFront.class);

  static {
    // The JDK server writes a response's headers and body in separate packets; with Nagle's
    // algorithm and the client's delayed ACKs every keep-alive request then waits about 40 ms.
    // The JDK reads this setting once, when its first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

  private final HttpServer server;
  private final ExecutorService executor;
  private final OperationRegistry operations;
  private final Faults faults;

  HttpFront(int port, OperationRegistry operations, Faults faults) throws IOException {
    this.operations = operations;
    this.faults = faults;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "ddbstreams-emulator-http-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readAllBytes();
      }
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Response response = answer(target, body, exchange);
      if (response == null) {
        return; // a dropped connection: close without a byte
      }
      CRC32 crc = new CRC32();
      crc.update(response.body);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
      exchange.getResponseHeaders().set("x-amz-crc32", Long.toString(crc.getValue()));
      exchange.sendResponseHeaders(response.status, response.body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body);
      }
    }
  }

  private Response answer(String target, byte[] body, HttpExchange exchange) {
    try {
      if (target == null) {
        throw new AwsException(
            400,
            "com.amazon.coral.service#UnknownOperationException",
            "Missing X-Amz-Target",
            null);
      }
      ObjectNode request = parse(body);
      String name = target.substring(target.indexOf('.') + 1);
      Fault fault = faults.next(name, tablesOf(request));
      if (fault != null) {
        switch (fault.kind()) {
          case THROTTLING:
            if (target.startsWith(OperationRegistry.STREAMS)) {
              // DynamoDB Streams throttles with its own error, which the Kinesis adapter maps to
              // the Kinesis throttling KCL backs off on.
              throw AwsException.limitExceeded(
                  "Rate exceeded for shard or stream (injected fault)");
            }
            throw AwsException.throttled(
                "The level of configured provisioned throughput for the table was exceeded."
                    + " Consider increasing your provisioning level with the UpdateTable API.");
          case INTERNAL_SERVER_ERROR:
            throw AwsException.internalServerError("Internal server error (injected fault)");
          case DROPPED_CONNECTION:
            exchange.getHttpContext().getServer(); // keep the exchange referenced until closed
            return null;
          case LATENCY:
            sleep(fault.delay().toMillis());
            break;
          case TRANSACTION_CONFLICT:
            throw conflict(request);
          case UNPROCESSED:
            break;
        }
      }
      Operation operation = operations.find(target);
      if (operation == null) {
        throw AwsException.unknownOperation(target);
      }
      JsonNode result =
          fault != null && fault.kind() == Fault.Kind.UNPROCESSED
              ? BatchSplit.run(name, request, operation)
              : operation.handle(request);
      return new Response(200, Json.write(result));
    } catch (AwsException e) {
      return error(e);
    } catch (RuntimeException e) {
      LOG.error("Emulator failed on {}", target, e);
      return error(AwsException.internalServerError("Internal server error"));
    }
  }

  /** An injected TransactionConflict on the first action of a transaction. */
  private static AwsException conflict(ObjectNode request) {
    JsonNode actions = request.path("TransactItems");
    List<ObjectNode> reasons = new ArrayList<>();
    for (int i = 0; i < Math.max(1, actions.size()); i++) {
      reasons.add(
          i == 0
              ? Cancellations.reason("TransactionConflict", "Transaction is ongoing for the item")
              : Cancellations.reason("None"));
    }
    return Cancellations.canceled(reasons);
  }

  private static ObjectNode parse(byte[] body) {
    if (body.length == 0) {
      return Json.object();
    }
    try {
      JsonNode node = Json.read(body);
      if (node == null || !node.isObject()) {
        throw serialization();
      }
      return (ObjectNode) node;
    } catch (IOException e) {
      throw serialization();
    }
  }

  private static AwsException serialization() {
    return new AwsException(
        400, "com.amazon.coral.service#SerializationException", "Malformed JSON body", null);
  }

  private static Response error(AwsException e) {
    ObjectNode out = Json.object();
    out.put("__type", e.type());
    out.put("message", e.getMessage());
    if (e.extra() != null) {
      out.setAll(e.extra());
    }
    return new Response(e.status(), Json.write(out));
  }

  /** The tables a request touches, for matching faults. */
  static Set<String> tablesOf(ObjectNode request) {
    Set<String> tables = new LinkedHashSet<>();
    JsonNode name = request.get("TableName");
    if (name != null && name.isTextual()) {
      tables.add(name.textValue());
    }
    JsonNode items = request.get("RequestItems");
    if (items != null && items.isObject()) {
      items.fieldNames().forEachRemaining(tables::add);
    }
    JsonNode transact = request.get("TransactItems");
    if (transact != null && transact.isArray()) {
      for (JsonNode op : transact) {
        for (Iterator<JsonNode> it = op.elements(); it.hasNext(); ) {
          JsonNode t = it.next().get("TableName");
          if (t != null && t.isTextual()) {
            tables.add(t.textValue());
          }
        }
      }
    }
    JsonNode stream = request.get("StreamArn");
    if (stream == null) {
      stream = request.get("ShardIterator");
    }
    if (stream != null && stream.isTextual()) {
      String s = stream.textValue();
      int start = s.indexOf(":table/");
      if (start >= 0) {
        int end = s.indexOf('/', start + 7);
        tables.add(s.substring(start + 7, end < 0 ? s.length() : end));
      }
    }
    return tables;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private record Response(int status, byte[] body) {}
}
