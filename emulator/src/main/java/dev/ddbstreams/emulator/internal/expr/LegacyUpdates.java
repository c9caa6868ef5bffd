package dev.ddbstreams.emulator.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ddbstreams.emulator.internal.protocol.AttributeValueJson;
import dev.ddbstreams.emulator.internal.protocol.AwsException;
import dev.ddbstreams.emulator.internal.value.Numbers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The legacy {@code AttributeUpdates} parameter of UpdateItem, as an {@link Update}. KCL 3's lease
 * table code still uses it. Actions: {@code PUT} (the default) sets the attribute; {@code DELETE}
 * without a value removes it, with a set value removes those elements (an emptied set is removed);
 * {@code ADD} adds to a number (from 0 if absent) or unites sets (creating the set if absent).
 */
public final class LegacyUpdates {

  private LegacyUpdates() {}

  /** Parses an {@code AttributeUpdates} map. */
  public static Update attributeUpdates(JsonNode updates) {
    if (!updates.isObject()) {
      throw AwsException.validation("AttributeUpdates must be a map of attribute names to updates");
    }
    List<Action> actions = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : updates.properties()) {
      String name = e.getKey();
      JsonNode spec = e.getValue();
      JsonNode valueNode = spec.get("Value");
      AttributeValue value =
          valueNode == null || valueNode.isNull()
              ? null
              : AttributeValueJson.readValue(valueNode, name);
      String kind = spec.has("Action") ? spec.get("Action").asText() : "PUT";
      switch (kind) {
        case "PUT":
          if (value == null) {
            throw AwsException.validation(
                "One or more parameter values were invalid: Only DELETE action is allowed when no"
                    + " attribute value is specified (attribute "
                    + name
                    + ")");
          }
          break;
        case "ADD":
          if (value == null
              || !(value.n() != null
                  || value.hasSs()
                  || value.hasNs()
                  || value.hasBs()
                  || value.hasL())) {
            throw AwsException.validation(
                "One or more parameter values were invalid: ADD action is not supported for the"
                    + " type of attribute "
                    + name);
          }
          break;
        case "DELETE":
          if (value != null && !(value.hasSs() || value.hasNs() || value.hasBs())) {
            throw AwsException.validation(
                "One or more parameter values were invalid: DELETE action with value is not"
                    + " supported for the type of attribute "
                    + name);
          }
          break;
        default:
          throw AwsException.validation(
              "1 validation error detected: Value '"
                  + kind
                  + "' at 'attributeUpdates."
                  + name
                  + ".member.action' failed to satisfy constraint: Member must satisfy enum value"
                  + " set: [ADD, PUT, DELETE]");
      }
      actions.add(new Action(name, kind, value));
    }
    Set<String> names = new LinkedHashSet<>();
    actions.forEach(a -> names.add(a.name));
    return new Update() {
      @Override
      public Map<String, AttributeValue> apply(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(item);
        for (Action a : actions) {
          a.applyTo(out);
        }
        return out;
      }

      @Override
      public Set<String> topLevelNames() {
        return names;
      }
    };
  }

  private record Action(String name, String kind, @Nullable AttributeValue value) {

    void applyTo(Map<String, AttributeValue> item) {
      AttributeValue current = item.get(name);
      switch (kind) {
        case "PUT":
          item.put(name, value);
          return;
        case "DELETE":
          if (value == null) {
            item.remove(name);
            return;
          }
          if (current == null) {
            return;
          }
          if (current.type() != value.type()) {
            throw typeMismatch();
          }
          AttributeValue left = SetOps.difference(current, value);
          if (left == null) {
            item.remove(name);
          } else {
            item.put(name, left);
          }
          return;
        default: // ADD
          if (value.n() != null) {
            if (current == null) {
              item.put(name, AttributeValue.fromN(Numbers.canonical(value.n())));
            } else if (current.n() != null) {
              item.put(name, AttributeValue.fromN(Numbers.add(current.n(), value.n())));
            } else {
              throw typeMismatch();
            }
          } else if (value.hasL()) {
            if (current == null) {
              item.put(name, value);
            } else if (current.hasL()) {
              List<AttributeValue> joined = new ArrayList<>(current.l());
              joined.addAll(value.l());
              item.put(name, AttributeValue.fromL(joined));
            } else {
              throw typeMismatch();
            }
          } else if (current == null) {
            item.put(name, value);
          } else if (current.type() == value.type()) {
            item.put(name, SetOps.union(current, value));
          } else {
            throw typeMismatch();
          }
      }
    }

    private AwsException typeMismatch() {
      return AwsException.validation(
          "One or more parameter values were invalid: Type mismatch for attribute to update"
              + " (attribute "
              + name
              + ")");
    }
  }
}
