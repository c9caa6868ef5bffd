package dev.ddbstreams.internal.writes;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * What one staged operation names: its kind, its table and the item's key (or, for a put, the whole
 * item, whose key attributes may not be known). Describes itself by kind and table only.
 *
 * @param operation {@code Put}, {@code Update}, {@code Delete} or {@code ConditionCheck}
 * @param tableName the table's name or ARN, as staged
 * @param attributes the key, or a put's whole item
 * @param isKey whether {@code attributes} is exactly the key
 */
public record WriteTarget(
    String operation, String tableName, Map<String, AttributeValue> attributes, boolean isKey) {

  /**
   * Reads what an operation names.
   *
   * @param item the staged operation
   * @return its target
   * @throws IllegalArgumentException if it holds no operation
   */
  public static WriteTarget of(TransactWriteItem item) {
    if (item.put() != null) {
      return new WriteTarget("Put", nameOf(item.put().tableName()), item.put().item(), false);
    }
    if (item.update() != null) {
      return new WriteTarget(
          "Update", nameOf(item.update().tableName()), item.update().key(), true);
    }
    if (item.delete() != null) {
      return new WriteTarget(
          "Delete", nameOf(item.delete().tableName()), item.delete().key(), true);
    }
    if (item.conditionCheck() != null) {
      return new WriteTarget(
          "ConditionCheck",
          nameOf(item.conditionCheck().tableName()),
          item.conditionCheck().key(),
          true);
    }
    throw new IllegalArgumentException(
        "a staged TransactWriteItem must hold a Put, an Update, a Delete or a ConditionCheck");
  }

  private static String nameOf(@Nullable String tableName) {
    return tableName == null ? "" : tableName;
  }

  /** The table's name, also when it was given as an ARN ({@code arn:...:table/NAME}). */
  String table() {
    return tableOf(tableName);
  }

  /**
   * Returns a table's name, also when it is given as an ARN ({@code arn:...:table/NAME}).
   *
   * @param nameOrArn a table name or ARN
   * @return the name
   */
  public static String tableOf(String nameOrArn) {
    if (!nameOrArn.startsWith("arn:")) {
      return nameOrArn;
    }
    int slash = nameOrArn.indexOf(":table/");
    return slash < 0 ? nameOrArn : nameOrArn.substring(slash + ":table/".length());
  }

  /**
   * Returns the region of the table's ARN.
   *
   * @return the region, or null if the table is named without an ARN
   */
  public @Nullable String region() {
    if (!tableName.startsWith("arn:")) {
      return null;
    }
    String[] parts = tableName.split(":", 6);
    return parts.length < 6 ? null : parts[3];
  }

  /** The ARN's region and account, or null if the table is named without an ARN. */
  @Nullable String regionAndAccount() {
    if (!tableName.startsWith("arn:")) {
      return null;
    }
    String[] parts = tableName.split(":", 6);
    return parts.length < 6 ? null : "region " + parts[3] + ", account " + parts[4];
  }

  /**
   * Whether two operations name one item, as far as can be told: equal keys, or a key whose
   * attributes a put's item has with equal values, or two puts equal on known key attributes.
   *
   * @param other the other operation
   * @param keyNames the table's key attribute names, or null if not known
   * @return true if they certainly name one item
   */
  boolean sameItem(WriteTarget other, java.util.@Nullable Collection<String> keyNames) {
    if (!table().equals(other.table())) {
      return false;
    }
    if (isKey && other.isKey) {
      return attributes.equals(other.attributes);
    }
    if (isKey || other.isKey) {
      WriteTarget key = isKey ? this : other;
      WriteTarget put = isKey ? other : this;
      return contains(put.attributes, key.attributes);
    }
    if (keyNames == null || keyNames.isEmpty()) {
      return false;
    }
    for (String name : keyNames) {
      AttributeValue a = attributes.get(name);
      if (a == null || !a.equals(other.attributes.get(name))) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(
      Map<String, AttributeValue> item, Map<String, AttributeValue> key) {
    if (key.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, AttributeValue> e : key.entrySet()) {
      if (!e.getValue().equals(item.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Describes the operation without values: {@code Update on table PetTracker}. */
  @Override
  public String toString() {
    return operation + " on table " + tableName;
  }
}
