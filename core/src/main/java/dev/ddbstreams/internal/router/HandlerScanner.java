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

import dev.ddbstreams.DdbStreamsException;
import dev.ddbstreams.EventName;
import dev.ddbstreams.ImageKind;
import dev.ddbstreams.ImageMapper;
import dev.ddbstreams.ImageMappingException;
import dev.ddbstreams.StreamContext;
import dev.ddbstreams.StreamRecord;
import dev.ddbstreams.TransactionalWrites;
import dev.ddbstreams.ViewType;
import dev.ddbstreams.annotation.OnChange;
import dev.ddbstreams.annotation.OnInsert;
import dev.ddbstreams.annotation.OnModify;
import dev.ddbstreams.annotation.OnRemove;
import dev.ddbstreams.annotation.SnapshotMatch;
import dev.ddbstreams.annotation.TtlMatch;
import dev.ddbstreams.diff.ImageDiff;
import dev.ddbstreams.filter.FilterPattern;
import dev.ddbstreams.filter.FilterPatternException;
import dev.ddbstreams.internal.AttributePath;
import dev.ddbstreams.internal.mapping.MapperRegistry;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Reads handler annotations once and turns each handler method into a {@link HandlerMethod},
 * collecting every problem instead of stopping at the first.
 */
final class HandlerScanner {
  private static final List<Class<? extends Annotation>> ANNOTATIONS =
      List.of(OnInsert.class, OnModify.class, OnRemove.class, OnChange.class);

  private final @Nullable ViewType viewType;
  private final List<String> problems = new ArrayList<>();
  private final List<HandlerMethod> handlers = new ArrayList<>();
  private final Set<String> ids = new HashSet<>();

  HandlerScanner(@Nullable ViewType viewType) {
    this.viewType = viewType;
  }

  List<String> problems() {
    return problems;
  }

  List<HandlerMethod> handlers() {
    return handlers;
  }

  void scan(Object target) {
    Class<?> type = target.getClass();
    int before = handlers.size();
    int problemsBefore = problems.size();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method method : DeclarationOrder.declaredMethods(c)) {
        if (!method.isBridge() && !method.isSynthetic()) {
          scanMethod(target, method);
        }
      }
    }
    if (handlers.size() == before && problems.size() == problemsBefore) {
      problems.add(
          type.getName()
              + ": has no handler methods (annotate methods with @OnInsert, @OnModify, @OnRemove"
              + " or @OnChange)");
    }
  }

  private void scanMethod(Object target, Method method) {
    List<Annotation> found = new ArrayList<>();
    for (Class<? extends Annotation> a : ANNOTATIONS) {
      Annotation annotation = method.getAnnotation(a);
      if (annotation != null) {
        found.add(annotation);
      }
    }
    if (found.isEmpty()) {
      return;
    }
    String name = method.getDeclaringClass().getName() + "#" + method.getName();
    int problemsBefore = problems.size();
    if (found.size() > 1) {
      problem(name, "has more than one handler annotation; use @OnChange(events = ...) instead");
      return;
    }
    Spec spec = Spec.of(found.get(0));
    checkSpec(name, spec);
    FilterPattern filter = filter(name, spec.filter);
    if (method.getReturnType() != void.class) {
      problem(name, "must return void, not " + method.getReturnType().getSimpleName());
    }
    HandlerMethod.Arg[] args = new HandlerMethod.Arg[method.getParameterCount()];
    Class<?> imageType = parameters(name, method, args);
    checkViewType(name, spec, args);
    String id = spec.id.isEmpty() ? name : spec.id;
    if (!ids.add(id)) {
      problem(
          name, "has the handler ID '" + id + "' of another handler; give one of them id = ...");
    }
    ImageMapper<?> mapper = null;
    if (imageType != null) {
      try {
        mapper = ImageMapper.of(imageType);
      } catch (ImageMappingException e) {
        problem(name, "cannot map images to " + imageType.getName() + ": " + e.reason());
      } catch (DdbStreamsException e) {
        problem(name, "cannot map images to " + imageType.getName() + ": " + e.getMessage());
      }
    }
    if (mapper != null && imageType != null) {
      checkChangedPaths(name, spec.changed, imageType);
    }
    HandlerCall call = bind(name, target, method);
    if (problems.size() == problemsBefore && call != null) {
      handlers.add(
          new HandlerMethod(
              id,
              name,
              spec.events,
              spec.pk,
              spec.sk,
              spec.ttl,
              spec.changed,
              spec.snapshots,
              filter,
              mapper,
              args,
              call));
    }
  }

  private void checkSpec(String name, Spec spec) {
    if (spec.events.isEmpty()) {
      problem(name, "@OnChange has no events");
    }
    if (!spec.changed.isEmpty() && !spec.events.contains(EventName.MODIFY)) {
      problem(name, "uses 'changed' but does not handle MODIFY records");
    }
    if (spec.ttl != TtlMatch.INCLUDE && !spec.events.contains(EventName.REMOVE)) {
      problem(name, "uses 'ttl' but does not handle REMOVE records");
    }
    if (spec.snapshots != SnapshotMatch.EXCLUDE && !spec.events.contains(EventName.INSERT)) {
      problem(name, "uses 'snapshots' but does not handle INSERT records, which snapshots are");
    }
    for (String p : spec.pk) {
      if (p.isEmpty()) {
        problem(name, "has an empty pk prefix, which matches every key; leave pk unset instead");
      }
    }
    for (String p : spec.sk) {
      if (p.isEmpty()) {
        problem(name, "has an empty sk prefix, which matches every key; leave sk unset instead");
      }
    }
    for (String path : spec.changed) {
      try {
        ImageDiff.between(Map.of(), Map.of()).changed(path);
      } catch (IllegalArgumentException e) {
        problem(name, "has an invalid 'changed' path: " + e.getMessage());
      }
    }
  }

  /**
   * Rejects a {@code changed} path whose first segment names no property of a type with known
   * properties (records, classes, beans): such a handler would never fire. Maps, documents and
   * handlers without an image type take any path.
   */
  private void checkChangedPaths(String name, List<String> changed, Class<?> imageType) {
    Set<String> names = MapperRegistry.mappingFor(imageType).attributeNames();
    if (names == null) {
      return;
    }
    for (String path : changed) {
      String top;
      try {
        top = AttributePath.parse(path).topLevelName();
      } catch (IllegalArgumentException invalid) {
        continue; // reported by checkSpec
      }
      if (!names.contains(top)) {
        problem(
            name,
            "has the 'changed' path '"
                + path
                + "', but "
                + imageType.getSimpleName()
                + " has no property '"
                + top
                + "' (it has "
                + new TreeSet<>(names)
                + "), so the handler would never fire");
      }
    }
  }

  private @Nullable FilterPattern filter(String name, String json) {
    if (json.isEmpty()) {
      return null;
    }
    try {
      return FilterPattern.parseStrict(json);
    } catch (FilterPatternException e) {
      problem(name, "has an invalid filter: " + e.getMessage());
      return null;
    }
  }

  /** Classifies the parameters; returns the image type, if any parameter needs one. */
  private @Nullable Class<?> parameters(String name, Method method, HandlerMethod.Arg[] args) {
    Type[] types = method.getGenericParameterTypes();
    Class<?> imageType = null;
    boolean data = false;
    boolean diff = false;
    boolean context = false;
    boolean writes = false;
    for (int i = 0; i < types.length; i++) {
      Class<?> raw = method.getParameterTypes()[i];
      if (raw == TransactionalWrites.class) {
        if (writes) {
          problem(name, "has more than one TransactionalWrites parameter");
        }
        writes = true;
        args[i] = HandlerMethod.Arg.WRITES;
      } else if (raw == StreamContext.class) {
        if (context) {
          problem(name, "has more than one StreamContext parameter");
        }
        context = true;
        args[i] = HandlerMethod.Arg.CONTEXT;
      } else if (raw == ImageDiff.class) {
        if (diff) {
          problem(name, "has more than one ImageDiff parameter");
        }
        diff = true;
        args[i] = HandlerMethod.Arg.DIFF;
      } else {
        if (data) {
          problem(
              name,
              "has more than one record or image parameter; take one StreamRecord<T> or one T");
        }
        data = true;
        if (raw == StreamRecord.class) {
          args[i] = HandlerMethod.Arg.RECORD;
          imageType = typeArgument(name, types[i]);
        } else if (raw.isPrimitive() || raw.isArray()) {
          problem(
              name,
              "parameter "
                  + (i + 1)
                  + " of type "
                  + raw.getSimpleName()
                  + " is not an"
                  + " image type; take StreamRecord<T>, T, ImageDiff, StreamContext or"
                  + " TransactionalWrites");
        } else {
          args[i] = HandlerMethod.Arg.IMAGE;
          imageType = raw;
        }
      }
    }
    return imageType;
  }

  private @Nullable Class<?> typeArgument(String name, Type type) {
    if (type instanceof ParameterizedType p) {
      Type arg = p.getActualTypeArguments()[0];
      if (arg instanceof Class<?> c) {
        return c;
      }
      if (arg instanceof ParameterizedType pa && pa.getRawType() instanceof Class<?> c) {
        return c;
      }
    }
    problem(
        name,
        "cannot resolve T of StreamRecord<T> from '"
            + type.getTypeName()
            + "'; declare a concrete type such as StreamRecord<Pet>");
    return null;
  }

  /** With a known view type, rejects handlers that need an image the stream will not carry. */
  private void checkViewType(String name, Spec spec, HandlerMethod.Arg[] args) {
    if (viewType == null) {
      return;
    }
    boolean image = Arrays.asList(args).contains(HandlerMethod.Arg.IMAGE);
    boolean diff = Arrays.asList(args).contains(HandlerMethod.Arg.DIFF);
    for (EventName event : spec.events) {
      for (ImageKind kind : ImageKind.values()) {
        if (!event.hasImage(kind) || viewType.carries(kind)) {
          continue;
        }
        boolean imageNeeded = image && (kind == ImageKind.OLD_IMAGE) == (event == EventName.REMOVE);
        boolean diffNeeded = diff || (event == EventName.MODIFY && !spec.changed.isEmpty());
        if (imageNeeded || diffNeeded) {
          problem(
              name,
              "needs the "
                  + kind.wireName()
                  + " of "
                  + event
                  + " records, which streams of view type "
                  + viewType
                  + " do not carry");
        }
      }
    }
  }

  /** The handler's call: a method handle bound to the target, adapted to its arity. */
  private @Nullable HandlerCall bind(String name, Object target, Method method) {
    if (method.getParameterCount() > HandlerCalls.maxArity()) {
      return null; // two parameters of one kind: parameters() has reported it
    }
    try {
      method.setAccessible(true);
      MethodHandle handle = MethodHandles.lookup().unreflect(method);
      if (!Modifier.isStatic(method.getModifiers())) {
        handle = handle.bindTo(target);
      }
      return HandlerCalls.ofHandle(handle);
    } catch (ReflectiveOperationException | RuntimeException e) {
      problem(name, "cannot be called by the router: " + e.getClass().getSimpleName());
      return null;
    }
  }

  private void problem(String name, String reason) {
    problems.add(name + ": " + reason);
  }

  /** The settings of one handler annotation, whichever it is. */
  private record Spec(
      EnumSet<EventName> events,
      List<String> pk,
      List<String> sk,
      TtlMatch ttl,
      List<String> changed,
      SnapshotMatch snapshots,
      String id,
      String filter) {

    static Spec of(Annotation a) {
      if (a instanceof OnInsert i) {
        return new Spec(
            EnumSet.of(EventName.INSERT),
            list(i.pk()),
            list(i.sk()),
            TtlMatch.INCLUDE,
            List.of(),
            i.snapshots(),
            i.id(),
            i.filter());
      }
      if (a instanceof OnModify m) {
        return new Spec(
            EnumSet.of(EventName.MODIFY),
            list(m.pk()),
            list(m.sk()),
            TtlMatch.INCLUDE,
            list(m.changed()),
            SnapshotMatch.EXCLUDE,
            m.id(),
            m.filter());
      }
      if (a instanceof OnRemove r) {
        return new Spec(
            EnumSet.of(EventName.REMOVE),
            list(r.pk()),
            list(r.sk()),
            r.ttl(),
            List.of(),
            SnapshotMatch.EXCLUDE,
            r.id(),
            r.filter());
      }
      OnChange c = (OnChange) a;
      EnumSet<EventName> events = EnumSet.noneOf(EventName.class);
      events.addAll(Arrays.asList(c.events()));
      return new Spec(
          events,
          list(c.pk()),
          list(c.sk()),
          c.ttl(),
          list(c.changed()),
          c.snapshots(),
          c.id(),
          c.filter());
    }

    private static List<String> list(String[] values) {
      return List.of(values);
    }
  }
}
