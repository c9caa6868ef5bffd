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
/**
 * Runs a Lambda function on a DynamoDB stream in this process, as a Lambda event source mapping
 * does, for tests against the project's DynamoDB emulator: {@link
 * dev.ddbstreams.testkit.lambda.LocalEventSourceMapping}.
 *
 * <p>Needs {@code aws-lambda-java-core} and {@code aws-lambda-java-events} on the class path
 * (optional dependencies of the testkit; a function built on {@code ddbstreams-lambda} has them),
 * and {@code aws-lambda-java-serialization} for functions that take the runtime's event objects.
 * The mapping runs any Lambda stream handler and does not depend on {@code ddbstreams-lambda}: what
 * it gives its on-failure destination is the JSON Lambda sends, which {@code ddbstreams-lambda}
 * reads as production code does. None of this package is in {@code ddbstreams-lambda}, so a
 * deployed function carries none of it. Everything in this package is {@code null}-marked.
 */
@NullMarked
package dev.ddbstreams.testkit.lambda;

import org.jspecify.annotations.NullMarked;
