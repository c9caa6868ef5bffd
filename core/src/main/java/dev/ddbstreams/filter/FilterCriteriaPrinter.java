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
package dev.ddbstreams.filter;

import dev.ddbstreams.StreamRouter;
import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Prints the Lambda {@code FilterCriteria} of a router, for SAM, CDK, CloudFormation or Terraform.
 *
 * <pre>{@code
 * java -cp app.jar dev.ddbstreams.filter.FilterCriteriaPrinter com.example.PetRouter
 * }</pre>
 *
 * <p>The argument names a class with a public no-argument constructor that implements {@code
 * Supplier<StreamRouter>}. The criteria JSON goes to standard output, the notes to standard error,
 * so {@code > criteria.json} captures only the JSON.
 */
public final class FilterCriteriaPrinter {
  private FilterCriteriaPrinter() {}

  /**
   * Prints the criteria of the router the named supplier builds.
   *
   * @param args one argument: the class name of a {@code Supplier<StreamRouter>}
   * @throws Exception if the class cannot be loaded or built
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println(
          "usage: FilterCriteriaPrinter <class implementing Supplier<StreamRouter>>");
      System.exit(2);
      return;
    }
    print(args[0], System.out, System.err);
  }

  /**
   * Prints the criteria of the router the named supplier builds.
   *
   * @param supplierClass the class name of a {@code Supplier<StreamRouter>}
   * @param out where the JSON goes
   * @param err where the notes go
   * @throws ReflectiveOperationException if the class cannot be loaded or instantiated
   * @throws IllegalArgumentException if the class is not a {@code Supplier} of a router
   */
  public static void print(String supplierClass, PrintStream out, PrintStream err)
      throws ReflectiveOperationException {
    Object supplier =
        Class.forName(supplierClass, true, Thread.currentThread().getContextClassLoader())
            .getDeclaredConstructor()
            .newInstance();
    if (!(supplier instanceof Supplier<?> s) || !(s.get() instanceof StreamRouter router)) {
      throw new IllegalArgumentException(supplierClass + " is not a Supplier<StreamRouter>");
    }
    try (router) {
      FilterCriteria criteria = router.filterCriteria();
      out.println(criteria.json());
      for (String note : criteria.notes()) {
        err.println("note: " + note);
      }
    }
  }
}
