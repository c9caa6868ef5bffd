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
package dev.ddbstreams.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class CeilingBenchmarkTest {

  @Test
  void scansTheWholeEventOfTheFullBatch() throws IOException {
    byte[] event = CeilingBenchmark.events("fullBatch");
    int records = 0;
    try (JsonParser parser = new JsonFactory().createParser(event)) {
      while (parser.nextToken() != null) {
        if ("eventID".equals(parser.currentName()) && parser.currentToken().isScalarValue()) {
          records++;
        }
      }
    }

    assertThat(records).isEqualTo(CeilingBenchmark.RECORDS);
  }

  @Test
  void theTextScanReadsMoreThanTheTokenScan() throws IOException {
    byte[] event = CeilingBenchmark.events("modify10");

    // Same tokens, so the same checksum before text is added; the text changes it.
    assertThat(CeilingBenchmark.scan(event)).isNotZero();
    assertThat(CeilingBenchmark.scanWithText(event)).isNotEqualTo(CeilingBenchmark.scan(event));
  }
}
