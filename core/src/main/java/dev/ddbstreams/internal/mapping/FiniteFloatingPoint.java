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
package dev.ddbstreams.internal.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;

/**
 * Float and double fields that refuse numbers they cannot hold. DynamoDB numbers reach {@code
 * 9.99E+125}; Jackson would silently turn such a value into infinity for a {@code float}.
 */
final class FiniteFloatingPoint {
  private FiniteFloatingPoint() {}

  static SimpleModule module() {
    SimpleModule module = new SimpleModule("ddbstreams-finite-floating-point");
    module.addDeserializer(Float.class, new FloatField(Float.class, null));
    module.addDeserializer(Float.TYPE, new FloatField(Float.TYPE, 0f));
    module.addDeserializer(Double.class, new DoubleField(Double.class, null));
    module.addDeserializer(Double.TYPE, new DoubleField(Double.TYPE, 0d));
    return module;
  }

  /** Thrown for a number outside the field's range; carries no value. */
  static final class OutOfRange extends JsonMappingException {
    private static final long serialVersionUID = 1L;

    OutOfRange(JsonParser parser, String type) {
      super(parser, "the number does not fit " + type);
    }
  }

  private static boolean isNumber(JsonParser p) {
    JsonToken t = p.currentToken();
    return t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
  }

  private static final class FloatField extends JsonDeserializer<Float> {
    private final NumberDeserializers.FloatDeserializer delegate;

    FloatField(Class<Float> type, Float empty) {
      this.delegate = new NumberDeserializers.FloatDeserializer(type, empty);
    }

    @Override
    public Float deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Float value = delegate.deserialize(p, ctxt);
      if (value != null && isNumber(p) && Float.isInfinite(value)) {
        throw new OutOfRange(p, "float");
      }
      return value;
    }

    @Override
    public Float getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      return delegate.getNullValue(ctxt);
    }
  }

  private static final class DoubleField extends JsonDeserializer<Double> {
    private final NumberDeserializers.DoubleDeserializer delegate;

    DoubleField(Class<Double> type, Double empty) {
      this.delegate = new NumberDeserializers.DoubleDeserializer(type, empty);
    }

    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Double value = delegate.deserialize(p, ctxt);
      if (value != null && isNumber(p) && Double.isInfinite(value)) {
        throw new OutOfRange(p, "double");
      }
      return value;
    }

    @Override
    public Double getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      return delegate.getNullValue(ctxt);
    }
  }
}
