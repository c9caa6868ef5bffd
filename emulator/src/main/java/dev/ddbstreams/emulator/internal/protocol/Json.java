package dev.ddbstreams.emulator.internal.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Reads and writes the JSON trees of requests and responses with Jackson's streaming parser and
 * generator, without an {@code ObjectMapper}: creating the first mapper of a JVM costs a few
 * hundred milliseconds (more on a loaded machine), which was most of the emulator's start-up time.
 *
 * <p>Thread-safe.
 */
public final class Json {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  /** A new empty object node. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /**
   * Parses a request body.
   *
   * @return the top-level value, or {@code null} for an empty body
   * @throws IOException for malformed JSON, including nesting past the parser's limits
   */
  public static JsonNode read(byte[] body) throws IOException {
    try (JsonParser parser = FACTORY.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        return null;
      }
      JsonNode node = value(parser, first);
      if (parser.nextToken() != null) {
        throw new IOException("Text after the JSON value");
      }
      return node;
    }
  }

  private static JsonNode value(JsonParser p, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        {
          ObjectNode object = NODES.objectNode();
          for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            object.set(name, value(p, p.nextToken()));
          }
          return object;
        }
      case START_ARRAY:
        {
          ArrayNode array = NODES.arrayNode();
          for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            array.add(value(p, t));
          }
          return array;
        }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDecimalValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IOException("Unexpected JSON token " + token);
    }
  }

  /** Writes a response body. */
  public static byte[] write(JsonNode node) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Writes a value as JSON text. */
  public static String writeString(JsonNode node) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      write(g, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT:
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          g.writeFieldName(e.getKey());
          write(g, e.getValue());
        }
        g.writeEndObject();
        return;
      case ARRAY:
        g.writeStartArray();
        for (JsonNode element : (ContainerNode<?>) node) {
          write(g, element);
        }
        g.writeEndArray();
        return;
      case STRING:
        g.writeString(node.textValue());
        return;
      case NUMBER:
        if (node.isIntegralNumber()) {
          if (node.canConvertToLong()) {
            g.writeNumber(node.longValue());
          } else {
            g.writeNumber(node.bigIntegerValue());
          }
        } else if (node.isBigDecimal()) {
          g.writeNumber(node.decimalValue());
        } else {
          g.writeNumber(node.doubleValue());
        }
        return;
      case BOOLEAN:
        g.writeBoolean(node.booleanValue());
        return;
      case NULL:
        g.writeNull();
        return;
      case POJO:
        Object pojo = ((POJONode) node).getPojo();
        if (pojo instanceof RawValue) {
          g.writeRawValue(((RawValue) pojo).rawValue().toString());
          return;
        }
        throw new IllegalStateException("Cannot write a " + pojo.getClass().getName());
      default:
        throw new IllegalStateException("Cannot write a " + node.getNodeType() + " node");
    }
  }
}
