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
package dev.ddbstreams.emulator.internal.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.ddbstreams.emulator.internal.protocol.AwsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Random well-formed condition expressions over random items: the parser and evaluator must agree
 * with a small evaluator written here from the documented semantics, independently of the main
 * code, and must throw nothing but {@link AwsException} (exactly when this evaluator predicts the
 * service's validation error). Run with {@code -Dexpr.seed=N} to repeat a failing case; the seed of
 * every failure is in its message.
 */
class ConditionProperties {

  private static final int CASES = 4000;

  @Test
  void randomConditionsAgreeWithAnIndependentEvaluator() {
    long base = Long.getLong("expr.seed", System.nanoTime());
    int cases = Long.getLong("expr.seed") != null ? 1 : CASES;
    int[] outcomes = new int[3];
    for (int i = 0; i < cases; i++) {
      outcomes[check(base + i)]++;
    }
    if (cases == CASES) {
      // The generator must exercise all three outcomes, or agreement proves little.
      for (int outcome : outcomes) {
        assertThat(outcome)
            .as(
                "rejected/false/true counts %s of %s (seed %s)",
                Arrays.toString(outcomes), CASES, base)
            .isGreaterThan(CASES / 10);
      }
    }
  }

  /** Checks one case: 0 if it was rejected, 1 if it was false, 2 if true. */
  private static int check(long seed) {
    Gen gen = new Gen(new Random(seed));
    Map<String, AttributeValue> item = gen.item();
    Cond cond = gen.condition(3);
    String text = cond.render(gen);
    boolean valid = Oracle.valid(cond);
    String context = "seed " + seed + " (-Dexpr.seed=" + seed + "): " + text + " on " + item;
    boolean actual;
    try {
      ExpressionInput input = new ExpressionInput(Gen.NAMES, gen.values);
      actual = Expressions.condition(text, "FilterExpression", input).test(item);
    } catch (AwsException e) {
      if (valid) {
        fail("unexpected " + e.getMessage() + " for " + context);
      }
      return 0;
    } catch (RuntimeException | Error e) {
      throw new AssertionError("threw " + e + " for " + context, e);
    }
    if (!valid) {
      fail("expected a validation error for " + context);
    }
    boolean expected = Oracle.eval(cond, item);
    if (actual != expected) {
      fail("got " + actual + ", expected " + expected + " for " + context);
    }
    return actual ? 2 : 1;
  }

  // ---- The model: operands and conditions, rendered to text with random spacing and case. ----

  private sealed interface Opnd permits PathOp, ValOp, SizeOp {}

  /** A path as written ({@code #m.x}) and as resolved (names and indexes). */
  private record PathOp(String text, List<Object> steps) implements Opnd {}

  private record ValOp(String placeholder, AttributeValue value) implements Opnd {}

  private record SizeOp(PathOp path) implements Opnd {}

  private sealed interface Cond permits Cmp, Btw, InC, Fn, AndC, OrC, NotC, Paren {
    String render(Gen g);
  }

  private record Cmp(String op, Opnd left, Opnd right) implements Cond {
    @Override
    public String render(Gen g) {
      return g.operand(left) + g.opt() + op + g.opt() + g.operand(right);
    }
  }

  private record Btw(Opnd value, Opnd low, Opnd high) implements Cond {
    @Override
    public String render(Gen g) {
      return g.operand(value)
          + g.sp()
          + g.kw("BETWEEN")
          + g.sp()
          + g.operand(low)
          + g.sp()
          + g.kw("AND")
          + g.sp()
          + g.operand(high);
    }
  }

  private record InC(Opnd value, List<Opnd> candidates) implements Cond {
    @Override
    public String render(Gen g) {
      StringBuilder b = new StringBuilder(g.operand(value) + g.sp() + g.kw("IN") + g.opt() + "(");
      for (int i = 0; i < candidates.size(); i++) {
        b.append(i > 0 ? "," + g.opt() : g.opt()).append(g.operand(candidates.get(i)));
      }
      return b.append(g.opt()).append(")").toString();
    }
  }

  private record Fn(String name, List<Opnd> args) implements Cond {
    @Override
    public String render(Gen g) {
      StringBuilder b = new StringBuilder(name + g.opt() + "(" + g.opt());
      for (int i = 0; i < args.size(); i++) {
        b.append(i > 0 ? "," + g.opt() : "").append(g.operand(args.get(i)));
      }
      return b.append(g.opt()).append(")").toString();
    }
  }

  private record AndC(Cond left, Cond right) implements Cond {
    @Override
    public String render(Gen g) {
      return g.child(left, this) + g.sp() + g.kw("AND") + g.sp() + g.child(right, this);
    }
  }

  private record OrC(Cond left, Cond right) implements Cond {
    @Override
    public String render(Gen g) {
      return g.child(left, this) + g.sp() + g.kw("OR") + g.sp() + g.child(right, this);
    }
  }

  private record NotC(Cond operand) implements Cond {
    @Override
    public String render(Gen g) {
      return g.kw("NOT") + g.sp() + g.child(operand, this);
    }
  }

  private record Paren(Cond inner) implements Cond {
    @Override
    public String render(Gen g) {
      return "(" + g.opt() + inner.render(g) + g.opt() + ")";
    }
  }

  /** Random items, values and conditions from small universes, so that they often meet. */
  private static final class Gen {
    static final Map<String, String> NAMES = Map.of("#a", "a", "#b", "b", "#m", "m", "#x", "x");
    static final String[] TYPES = {"S", "N", "B", "SS", "NS", "BS", "M", "L", "BOOL", "NULL"};
    static final Object[][] PATHS = {
      {"a", "a"},
      {"b", "b"},
      {"c", "c"},
      {"d", "d"},
      {"e", "e"},
      {"#a", "a"},
      {"#b", "b"},
      {"m.x", "m", "x"},
      {"m.y", "m", "y"},
      {"#m.#x", "m", "x"},
      {"m.z", "m", "z"},
      {"l[0]", "l", 0},
      {"l[1]", "l", 1},
      {"l[3]", "l", 3},
      {"a.x", "a", "x"},
      {"a[0]", "a", 0},
      {"m", "m"},
      {"l", "l"}
    };

    final Random rnd;
    final Map<String, AttributeValue> values = new LinkedHashMap<>();

    Gen(Random rnd) {
      this.rnd = rnd;
    }

    Map<String, AttributeValue> item() {
      Map<String, AttributeValue> item = new LinkedHashMap<>();
      for (String name : new String[] {"a", "b", "c", "d", "e"}) {
        if (rnd.nextInt(5) > 0) {
          item.put(name, value(2));
        }
      }
      if (rnd.nextBoolean()) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put("x", scalar());
        if (rnd.nextBoolean()) {
          m.put("y", value(1));
        }
        item.put("m", AttributeValue.fromM(m));
      }
      if (rnd.nextBoolean()) {
        List<AttributeValue> l = new ArrayList<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          l.add(value(1));
        }
        item.put("l", AttributeValue.fromL(l));
      }
      return item;
    }

    AttributeValue scalar() {
      switch (rnd.nextInt(3)) {
        case 0:
          return AttributeValue.fromS(
              pick("", "a", "ab", "b", "ba", "\u00e9", "\ud83d\ude00", "\uffff"));
        case 1:
          return AttributeValue.fromN(
              pick(
                  "-1",
                  "0",
                  "1",
                  "1.0",
                  "2",
                  "10",
                  "1E+1",
                  "0.5",
                  "99999999999999999999999999999999999999"));
        default:
          return AttributeValue.fromB(bytes(pickBytes()));
      }
    }

    AttributeValue value(int depth) {
      switch (rnd.nextInt(depth > 0 ? 10 : 6)) {
        case 0:
        case 1:
        case 2:
          return scalar();
        case 3:
          return AttributeValue.fromBool(rnd.nextBoolean());
        case 4:
          return AttributeValue.fromNul(true);
        case 5:
          switch (rnd.nextInt(3)) {
            case 0:
              return AttributeValue.fromSs(subset("a", "b", "ab"));
            case 1:
              return AttributeValue.fromNs(
                  rnd.nextBoolean() ? subset("1", "2", "1.5") : subset("1.0", "2"));
            default:
              List<SdkBytes> bs = new ArrayList<>();
              for (String s : subset("0", "1", "128")) {
                bs.add(bytes(new int[] {Integer.parseInt(s)}));
              }
              return AttributeValue.fromBs(bs);
          }
        case 6:
        case 7:
          List<AttributeValue> l = new ArrayList<>();
          for (int i = rnd.nextInt(4); i > 0; i--) {
            l.add(value(depth - 1));
          }
          return AttributeValue.fromL(l);
        default:
          Map<String, AttributeValue> m = new LinkedHashMap<>();
          for (String k : subset("x", "y")) {
            m.put(k, value(depth - 1));
          }
          return AttributeValue.fromM(m);
      }
    }

    Cond condition(int depth) {
      int kind = rnd.nextInt(depth > 0 ? 12 : 6);
      Cond c;
      switch (kind) {
        case 0:
        case 1:
          c = new Cmp(pick("=", "<>", "<", "<=", ">", ">="), operand(), operand());
          break;
        case 2:
          c = new Btw(operand(), operand(), operand());
          break;
        case 3:
          List<Opnd> candidates = new ArrayList<>();
          for (int i = 1 + rnd.nextInt(4); i > 0; i--) {
            candidates.add(operand());
          }
          c = new InC(operand(), candidates);
          break;
        case 4:
          c = function();
          break;
        case 5:
          c =
              new Fn(
                  rnd.nextBoolean() ? "attribute_exists" : "attribute_not_exists", List.of(path()));
          break;
        case 6:
        case 7:
          c = new AndC(condition(depth - 1), condition(depth - 1));
          break;
        case 8:
        case 9:
          c = new OrC(condition(depth - 1), condition(depth - 1));
          break;
        default:
          c = new NotC(condition(depth - 1));
          break;
      }
      int wrap = rnd.nextInt(12);
      return wrap == 0 ? new Paren(new Paren(c)) : wrap < 3 ? new Paren(c) : c;
    }

    Cond function() {
      switch (rnd.nextInt(3)) {
        case 0:
          Opnd first = rnd.nextInt(4) == 0 ? constant() : path();
          return new Fn("attribute_type", List.of(first, typePlaceholder()));
        case 1:
          return new Fn("begins_with", List.of(argument(), argument()));
        default:
          return new Fn("contains", List.of(argument(), argument()));
      }
    }

    Opnd operand() {
      int k = rnd.nextInt(10);
      return k < 4 ? path() : k < 9 ? constant() : new SizeOp(path());
    }

    Opnd argument() {
      return rnd.nextBoolean() ? path() : constant();
    }

    PathOp path() {
      Object[] p = PATHS[rnd.nextInt(PATHS.length)];
      return new PathOp((String) p[0], Arrays.asList(p).subList(1, p.length));
    }

    Opnd constant() {
      if (!values.isEmpty() && rnd.nextInt(8) == 0) {
        // Reuse a placeholder, which may put the same operand on both sides.
        List<String> keys = new ArrayList<>(values.keySet());
        String key = keys.get(rnd.nextInt(keys.size()));
        return new ValOp(key, values.get(key));
      }
      String key = ":v" + values.size();
      AttributeValue v = value(1);
      values.put(key, v);
      return new ValOp(key, v);
    }

    ValOp typePlaceholder() {
      String key = ":t" + values.size();
      AttributeValue v = AttributeValue.fromS(TYPES[rnd.nextInt(TYPES.length)]);
      values.put(key, v);
      return new ValOp(key, v);
    }

    String operand(Opnd o) {
      if (o instanceof PathOp) {
        return ((PathOp) o).text();
      }
      if (o instanceof ValOp) {
        return ((ValOp) o).placeholder();
      }
      return "size" + opt() + "(" + opt() + ((SizeOp) o).path().text() + opt() + ")";
    }

    /** A child rendered with the parentheses its parent's precedence needs. */
    String child(Cond c, Cond parent) {
      boolean needs =
          (parent instanceof AndC && c instanceof OrC)
              || (parent instanceof NotC && (c instanceof AndC || c instanceof OrC));
      return needs ? "(" + c.render(this) + ")" : c.render(this);
    }

    String kw(String keyword) {
      switch (rnd.nextInt(3)) {
        case 0:
          return keyword.toLowerCase(Locale.ROOT);
        case 1:
          return keyword.charAt(0) + keyword.substring(1).toLowerCase(Locale.ROOT);
        default:
          return keyword;
      }
    }

    String sp() {
      return pick(" ", " ", "  ", "\t", "\n ");
    }

    String opt() {
      return pick("", "", " ", "  ");
    }

    @SafeVarargs
    private <T> T pick(T... options) {
      return options[rnd.nextInt(options.length)];
    }

    private int[] pickBytes() {
      return pick(
          new int[] {},
          new int[] {0},
          new int[] {0x7f},
          new int[] {0x80},
          new int[] {0x80, 1},
          new int[] {1, 2});
    }

    private List<String> subset(String... members) {
      List<String> out = new ArrayList<>();
      while (out.isEmpty()) {
        for (String m : members) {
          if (rnd.nextBoolean()) {
            out.add(m);
          }
        }
      }
      return out;
    }

    static SdkBytes bytes(int[] values) {
      byte[] b = new byte[values.length];
      for (int i = 0; i < b.length; i++) {
        b[i] = (byte) values[i];
      }
      return SdkBytes.fromByteArray(b);
    }
  }

  /**
   * The documented semantics, written separately from the main code: which conditions the service
   * refuses before reading the item, and what the others answer.
   */
  private static final class Oracle {

    static boolean valid(Cond c) {
      if (c instanceof Paren) {
        Cond inner = ((Paren) c).inner();
        return !(inner instanceof Paren) && valid(inner);
      }
      if (c instanceof AndC) {
        return valid(((AndC) c).left()) && valid(((AndC) c).right());
      }
      if (c instanceof OrC) {
        return valid(((OrC) c).left()) && valid(((OrC) c).right());
      }
      if (c instanceof NotC) {
        return valid(((NotC) c).operand());
      }
      if (c instanceof Cmp) {
        Cmp cmp = (Cmp) c;
        boolean ordering = !cmp.op().equals("=") && !cmp.op().equals("<>");
        return distinct(cmp.left(), cmp.right())
            && (!ordering || (orderableIfConstant(cmp.left()) && orderableIfConstant(cmp.right())));
      }
      if (c instanceof Btw) {
        Btw b = (Btw) c;
        if (!distinct(b.value(), b.low(), b.high())
            || !orderableIfConstant(b.value())
            || !orderableIfConstant(b.low())
            || !orderableIfConstant(b.high())) {
          return false;
        }
        if (b.low() instanceof ValOp && b.high() instanceof ValOp) {
          AttributeValue lo = ((ValOp) b.low()).value();
          AttributeValue hi = ((ValOp) b.high()).value();
          return lo.type() == hi.type() && order(lo, hi) <= 0;
        }
        return true;
      }
      if (c instanceof InC) {
        InC in = (InC) c;
        return distinct(in.value(), in.candidates().toArray(new Opnd[0]));
      }
      Fn f = (Fn) c;
      switch (f.name()) {
        case "begins_with":
          return distinct(f.args().get(0), f.args().get(1))
              && stringOrBinaryIfConstant(f.args().get(0))
              && stringOrBinaryIfConstant(f.args().get(1));
        case "contains":
          return distinct(f.args().get(0), f.args().get(1));
        default:
          return true;
      }
    }

    static boolean eval(Cond c, Map<String, AttributeValue> item) {
      if (c instanceof Paren) {
        return eval(((Paren) c).inner(), item);
      }
      if (c instanceof AndC) {
        return eval(((AndC) c).left(), item) && eval(((AndC) c).right(), item);
      }
      if (c instanceof OrC) {
        return eval(((OrC) c).left(), item) || eval(((OrC) c).right(), item);
      }
      if (c instanceof NotC) {
        return !eval(((NotC) c).operand(), item);
      }
      if (c instanceof Cmp) {
        Cmp cmp = (Cmp) c;
        AttributeValue a = value(cmp.left(), item);
        AttributeValue b = value(cmp.right(), item);
        boolean equal = a != null && b != null && same(a, b);
        switch (cmp.op()) {
          case "=":
            return equal;
          case "<>":
            return !equal;
          default:
            if (a == null || b == null || !comparable(a, b)) {
              return false;
            }
            int o = order(a, b);
            switch (cmp.op()) {
              case "<":
                return o < 0;
              case "<=":
                return o <= 0;
              case ">":
                return o > 0;
              default:
                return o >= 0;
            }
        }
      }
      if (c instanceof Btw) {
        Btw b = (Btw) c;
        AttributeValue v = value(b.value(), item);
        AttributeValue lo = value(b.low(), item);
        AttributeValue hi = value(b.high(), item);
        return v != null
            && lo != null
            && hi != null
            && comparable(v, lo)
            && comparable(v, hi)
            && order(lo, v) <= 0
            && order(v, hi) <= 0;
      }
      if (c instanceof InC) {
        InC in = (InC) c;
        AttributeValue v = value(in.value(), item);
        if (v == null) {
          return false;
        }
        for (Opnd candidate : in.candidates()) {
          AttributeValue x = value(candidate, item);
          if (x != null && same(v, x)) {
            return true;
          }
        }
        return false;
      }
      Fn f = (Fn) c;
      AttributeValue first = value(f.args().get(0), item);
      switch (f.name()) {
        case "attribute_exists":
          return first != null;
        case "attribute_not_exists":
          return first == null;
        case "attribute_type":
          String type = ((ValOp) f.args().get(1)).value().s();
          return first != null && typeName(first).equals(type);
        case "begins_with":
          {
            AttributeValue second = value(f.args().get(1), item);
            return first != null && second != null && beginsWith(first, second);
          }
        default:
          {
            AttributeValue second = value(f.args().get(1), item);
            return first != null && second != null && contains(first, second);
          }
      }
    }

    private static boolean distinct(Opnd first, Opnd... rest) {
      for (Opnd o : rest) {
        if (identity(first).equals(identity(o))) {
          return false;
        }
      }
      return true;
    }

    private static Object identity(Opnd o) {
      if (o instanceof PathOp) {
        return ((PathOp) o).steps();
      }
      if (o instanceof ValOp) {
        return ((ValOp) o).placeholder();
      }
      return List.of("size", ((SizeOp) o).path().steps());
    }

    private static boolean orderableIfConstant(Opnd o) {
      return !(o instanceof ValOp) || isScalar(((ValOp) o).value());
    }

    private static boolean stringOrBinaryIfConstant(Opnd o) {
      if (!(o instanceof ValOp)) {
        return true;
      }
      String t = typeName(((ValOp) o).value());
      return t.equals("S") || t.equals("B");
    }

    private static @Nullable AttributeValue value(Opnd o, Map<String, AttributeValue> item) {
      if (o instanceof ValOp) {
        return ((ValOp) o).value();
      }
      if (o instanceof PathOp) {
        return resolve(((PathOp) o).steps(), item);
      }
      AttributeValue v = resolve(((SizeOp) o).path().steps(), item);
      if (v == null) {
        return null;
      }
      switch (typeName(v)) {
        case "S":
          return AttributeValue.fromN(String.valueOf(v.s().length()));
        case "B":
          return AttributeValue.fromN(String.valueOf(v.b().asByteArray().length));
        case "SS":
          return AttributeValue.fromN(String.valueOf(v.ss().size()));
        case "NS":
          return AttributeValue.fromN(String.valueOf(v.ns().size()));
        case "BS":
          return AttributeValue.fromN(String.valueOf(v.bs().size()));
        case "L":
          return AttributeValue.fromN(String.valueOf(v.l().size()));
        case "M":
          return AttributeValue.fromN(String.valueOf(v.m().size()));
        default:
          return null;
      }
    }

    private static @Nullable AttributeValue resolve(
        List<Object> steps, Map<String, AttributeValue> item) {
      AttributeValue v = item.get((String) steps.get(0));
      for (Object step : steps.subList(1, steps.size())) {
        if (v == null) {
          return null;
        }
        if (step instanceof String) {
          v = typeName(v).equals("M") ? v.m().get(step) : null;
        } else {
          int i = (Integer) step;
          v = typeName(v).equals("L") && i < v.l().size() ? v.l().get(i) : null;
        }
      }
      return v;
    }

    private static String typeName(AttributeValue v) {
      if (v.s() != null) {
        return "S";
      }
      if (v.n() != null) {
        return "N";
      }
      if (v.b() != null) {
        return "B";
      }
      if (v.bool() != null) {
        return "BOOL";
      }
      if (v.nul() != null) {
        return "NULL";
      }
      if (v.hasSs()) {
        return "SS";
      }
      if (v.hasNs()) {
        return "NS";
      }
      if (v.hasBs()) {
        return "BS";
      }
      return v.hasL() ? "L" : "M";
    }

    private static boolean isScalar(AttributeValue v) {
      String t = typeName(v);
      return t.equals("S") || t.equals("N") || t.equals("B");
    }

    private static boolean comparable(AttributeValue a, AttributeValue b) {
      return isScalar(a) && typeName(a).equals(typeName(b));
    }

    /** Orders two scalars of one type: numbers by value, strings by code point, bytes unsigned. */
    private static int order(AttributeValue a, AttributeValue b) {
      switch (typeName(a)) {
        case "N":
          return new BigDecimal(a.n()).compareTo(new BigDecimal(b.n()));
        case "S":
          return Arrays.compare(a.s().codePoints().toArray(), b.s().codePoints().toArray());
        default:
          return Arrays.compareUnsigned(a.b().asByteArray(), b.b().asByteArray());
      }
    }

    private static boolean same(AttributeValue a, AttributeValue b) {
      String t = typeName(a);
      if (!t.equals(typeName(b))) {
        return false;
      }
      switch (t) {
        case "S":
        case "N":
        case "B":
          return order(a, b) == 0;
        case "BOOL":
          return a.bool().equals(b.bool());
        case "NULL":
          return true;
        case "SS":
          return new HashSet<>(a.ss()).equals(new HashSet<>(b.ss()));
        case "NS":
          return numbers(a.ns()).equals(numbers(b.ns()));
        case "BS":
          return byteStrings(a.bs()).equals(byteStrings(b.bs()));
        case "L":
          if (a.l().size() != b.l().size()) {
            return false;
          }
          for (int i = 0; i < a.l().size(); i++) {
            if (!same(a.l().get(i), b.l().get(i))) {
              return false;
            }
          }
          return true;
        default:
          if (!a.m().keySet().equals(b.m().keySet())) {
            return false;
          }
          for (String k : a.m().keySet()) {
            if (!same(a.m().get(k), b.m().get(k))) {
              return false;
            }
          }
          return true;
      }
    }

    private static Set<BigDecimal> numbers(List<String> ns) {
      Set<BigDecimal> out = new HashSet<>();
      for (String n : ns) {
        out.add(new BigDecimal(n).stripTrailingZeros());
      }
      return out;
    }

    private static Set<String> byteStrings(List<SdkBytes> bs) {
      Set<String> out = new HashSet<>();
      for (SdkBytes b : bs) {
        out.add(Arrays.toString(b.asByteArray()));
      }
      return out;
    }

    private static boolean beginsWith(AttributeValue whole, AttributeValue prefix) {
      String t = typeName(whole);
      if (!t.equals(typeName(prefix))) {
        return false;
      }
      if (t.equals("S")) {
        return whole.s().startsWith(prefix.s());
      }
      if (t.equals("B")) {
        byte[] w = whole.b().asByteArray();
        byte[] p = prefix.b().asByteArray();
        return p.length <= w.length && Arrays.equals(Arrays.copyOf(w, p.length), p);
      }
      return false;
    }

    private static boolean contains(AttributeValue container, AttributeValue operand) {
      String t = typeName(container);
      String o = typeName(operand);
      switch (t) {
        case "S":
          return o.equals("S") && container.s().contains(operand.s());
        case "B":
          if (!o.equals("B")) {
            return false;
          }
          return subsequence(container.b().asByteArray(), operand.b().asByteArray());
        case "SS":
          return o.equals("S") && container.ss().contains(operand.s());
        case "NS":
          return o.equals("N")
              && numbers(container.ns()).contains(new BigDecimal(operand.n()).stripTrailingZeros());
        case "BS":
          return o.equals("B")
              && byteStrings(container.bs()).contains(Arrays.toString(operand.b().asByteArray()));
        case "L":
          for (AttributeValue e : container.l()) {
            if (same(e, operand)) {
              return true;
            }
          }
          return false;
        default:
          return false;
      }
    }

    private static boolean subsequence(byte[] hay, byte[] needle) {
      for (int i = 0; i + needle.length <= hay.length; i++) {
        if (Arrays.equals(Arrays.copyOfRange(hay, i, i + needle.length), needle)) {
          return true;
        }
      }
      return false;
    }
  }
}
