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
package dev.ddbstreams.internal.router;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The key prefixes of one key attribute over a list of handlers, as a trie: walking a key's text
 * down the trie collects, in one pass over its characters, every handler that has a prefix of it.
 * Handlers are bits of {@code long} words, 64 to a block, in list order. Immutable and thread-safe.
 */
final class PrefixIndex {
  private final Node root;
  private final long[] unconstrained;
  private final boolean constrains;

  /**
   * @param prefixes each handler's prefixes, in handler order; an empty list matches every key
   */
  PrefixIndex(List<List<String>> prefixes) {
    int blocks = DispatchTable.blocks(prefixes.size());
    this.unconstrained = new long[blocks];
    this.root = new Node(blocks);
    boolean any = false;
    for (int h = 0; h < prefixes.size(); h++) {
      long bit = 1L << h;
      if (prefixes.get(h).isEmpty()) {
        unconstrained[h >>> 6] |= bit;
        continue;
      }
      any = true;
      for (String prefix : prefixes.get(h)) {
        Node node = root;
        for (int i = 0; i < prefix.length(); i++) {
          node = node.childOrNew(prefix.charAt(i), blocks);
        }
        node.ends[h >>> 6] |= bit;
      }
    }
    this.constrains = any;
  }

  /** Whether some handler has prefixes, so that the key's text is needed. */
  boolean constrains() {
    return constrains;
  }

  /** The handlers of one block without prefixes: those a record without the key can match. */
  long unconstrained(int block) {
    return unconstrained[block];
  }

  /** The handlers of one block that have no prefixes or a prefix of {@code text}. */
  long candidates(int block, String text) {
    Node node = root;
    long found = unconstrained[block] | node.ends[block];
    for (int i = 0, n = text.length(); i < n; i++) {
      node = node.child(text.charAt(i));
      if (node == null) {
        break;
      }
      found |= node.ends[block];
    }
    return found;
  }

  /** A trie node: children by character, sorted for binary search; the handlers ending here. */
  private static final class Node {
    private static final Node[] NO_CHILDREN = new Node[0];
    private static final char[] NO_KEYS = new char[0];

    final long[] ends;
    private char[] keys = NO_KEYS;
    private Node[] children = NO_CHILDREN;

    Node(int blocks) {
      this.ends = new long[blocks];
    }

    @Nullable Node child(char c) {
      char[] k = keys;
      if (k.length <= 8) {
        // Few children, the common case (one or two letters at each step of "USER#", "PET#"):
        // a scan beats a binary search.
        for (int i = 0; i < k.length; i++) {
          if (k[i] == c) {
            return children[i];
          }
        }
        return null;
      }
      int i = Arrays.binarySearch(k, c);
      return i >= 0 ? children[i] : null;
    }

    Node childOrNew(char c, int blocks) {
      int i = Arrays.binarySearch(keys, c);
      if (i >= 0) {
        return children[i];
      }
      int at = -i - 1;
      char[] k = new char[keys.length + 1];
      Node[] n = new Node[children.length + 1];
      System.arraycopy(keys, 0, k, 0, at);
      System.arraycopy(children, 0, n, 0, at);
      k[at] = c;
      n[at] = new Node(blocks);
      System.arraycopy(keys, at, k, at + 1, keys.length - at);
      System.arraycopy(children, at, n, at + 1, children.length - at);
      keys = k;
      children = n;
      return n[at];
    }
  }
}
